package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

/**
 * An institution of the matrix as the oracle attributes figures to it.
 *
 * @param treatingScopes where its own activity counts: itself, the alliances it is a member
 *                       of, and the county, city and province it is in
 * @param locatedIn      the areas it lies in: its county, city and province, and the
 *                       alliances whose covered divisions contain it — a resident of one of
 *                       these areas treated here was treated inside their area
 */
record Institution(InstitutionId id, Level level, int[] treatingScopes, int[] locatedIn) {

    /** Village and township: the primary level (基层) of the shares of visits and fund spending. */
    boolean isPrimaryCare() {
        return level == Level.VILLAGE || level == Level.TOWNSHIP;
    }

    boolean liesIn(int areaScope) {
        for (int area : locatedIn) {
            if (area == areaScope) {
                return true;
            }
        }
        return false;
    }
}
