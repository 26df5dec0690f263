package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;

/**
 * The weights of a candidate's score; a candidate's points are the sum of its terms.
 *
 * <p>The defaults rank by the rules in order — target level, specialty tag, open slots, then
 * nearness and load — because each weight exceeds everything the terms after it can add up to
 * (1000 &gt; 3 × 100 + 50 + 20 + 10; 100 &gt; 50 + 20 + 10; 50 &gt; 20 + 10). Nearness and load
 * share the last tier on purpose: a kilometre is worth 0.1 point, the whole load range 10, so
 * within a city (a few km apart) the clearly less loaded of same-level departments comes first
 * (同城同层次横向分流), while a hospital much further away does not win on load alone.
 *
 * @param levelStep        points lost per level of care above the target level
 * @param tagStep          points per tag step: KEY 3 steps, ADVANTAGE 2, CHARACTERISTIC 1, ORDINARY 0
 * @param openSlots        points for having slots open in the caller's channel on live figures
 * @param nearness         points at distance zero, falling linearly to 0 at {@code nearnessRangeKm}
 * @param nearnessRangeKm  the distance beyond which nearness adds nothing
 * @param loadSpreading    points for being the least loaded of same-city same-level peers, scaled
 *                         by how much less loaded than the most loaded peer (booked ÷ published)
 */
public record RankingPolicy(
        double levelStep,
        double tagStep,
        double openSlots,
        double nearness,
        double nearnessRangeKm,
        double loadSpreading) {

    public static final RankingPolicy DEFAULTS = new RankingPolicy(1000, 100, 50, 20, 200, 10);

    public RankingPolicy {
        requireNonNegative(levelStep, "levelStep");
        requireNonNegative(tagStep, "tagStep");
        requireNonNegative(openSlots, "openSlots");
        requireNonNegative(nearness, "nearness");
        requireNonNegative(loadSpreading, "loadSpreading");
        if (!(nearnessRangeKm > 0)) {
            throw new IllegalArgumentException("nearnessRangeKm must be positive");
        }
    }

    double tagPoints(SpecialtyTag tag) {
        return tagStep * switch (tag) {
            case KEY -> 3;
            case ADVANTAGE -> 2;
            case CHARACTERISTIC -> 1;
            case ORDINARY -> 0;
        };
    }

    double nearnessPoints(double kilometres) {
        return nearness * Math.max(0, 1 - kilometres / nearnessRangeKm);
    }

    private static void requireNonNegative(double weight, String name) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(name + " must be a finite non-negative weight");
        }
    }
}
