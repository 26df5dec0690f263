package cn.hunan.mma.navigation.ranking;

/** Who asks: the public books public slots, a referring doctor books slots reserved for referrals. */
public enum CallerKind { PUBLIC, REFERRING_DOCTOR }
