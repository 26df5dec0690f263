package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.Level;

/**
 * The level of care a request should be treated at, and how it was found (for the reasons).
 * Candidates below it are not offered; candidates above it lose points per level.
 */
record TargetLevel(Level level, String basis) {

    static TargetLevel of(Level base, Urgency urgency, String basis) {
        if (urgency == Urgency.URGENT && base != Level.PROVINCE) {
            return new TargetLevel(Level.values()[base.ordinal() + 1], basis + ", one level up as urgent");
        }
        return new TargetLevel(base, basis);
    }

    boolean excludes(Level candidate) {
        return candidate.isBelow(level);
    }

    int levelsAbove(Level candidate) {
        return candidate.ordinal() - level.ordinal();
    }
}
