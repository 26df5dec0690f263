package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.value.Level;

/**
 * Where each running total sits in a scope-month's array: the {@link Measure}s, then visits,
 * admissions and discharges per level of care, then referrals per direction and final state.
 */
final class Slots {

    /** Volumes broken down by the level of the treating institution. */
    enum PerLevel { VISITS, ADMISSIONS, DISCHARGES }

    private static final int LEVELS = Level.values().length;
    private static final int STATES = ReferralState.values().length;
    private static final int FIRST_PER_LEVEL = Measure.values().length;
    private static final int FIRST_REFERRAL = FIRST_PER_LEVEL + PerLevel.values().length * LEVELS;

    static final int WIDTH = FIRST_REFERRAL + ReferralDirection.values().length * STATES;

    private Slots() {
    }

    static int of(Measure measure) {
        return measure.ordinal();
    }

    static int atLevel(PerLevel volume, Level level) {
        return FIRST_PER_LEVEL + volume.ordinal() * LEVELS + level.ordinal();
    }

    /** Referrals requested in the direction that ended in the state. */
    static int referrals(ReferralDirection direction, ReferralState finalState) {
        return FIRST_REFERRAL + direction.ordinal() * STATES + finalState.ordinal();
    }
}
