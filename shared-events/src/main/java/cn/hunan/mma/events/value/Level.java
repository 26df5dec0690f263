package cn.hunan.mma.events.value;

/**
 * The five levels of care of the hospital matrix, lowest first: declaration order is the
 * order of care, so {@link #compareTo} ranks levels.
 */
public enum Level {
    /** 村卫生室, 社区卫生服务站: chronic-disease management does not leave the village. */
    VILLAGE,
    /** 乡镇卫生院, 社区卫生服务中心: common diseases do not leave the township. */
    TOWNSHIP,
    /** County general, TCM and maternal-child hospitals. */
    COUNTY,
    /** Prefecture-level hospitals. */
    CITY,
    /** Provincial and tertiary teaching hospitals. */
    PROVINCE;

    /**
     * A primary-level (基层) institution: a village clinic or a township or community health centre — those whose
     * share of visits DOMAIN.md §6 counts, and which a close may guarantee a floor.
     */
    public boolean isPrimaryCare() {
        return isAtOrBelow(TOWNSHIP);
    }

    public boolean isAbove(Level other) {
        return compareTo(other) > 0;
    }

    public boolean isBelow(Level other) {
        return compareTo(other) < 0;
    }

    public boolean isAtOrBelow(Level other) {
        return compareTo(other) <= 0;
    }
}
