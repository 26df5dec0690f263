package cn.hunan.mma.navigation.capacity;

/**
 * A department's beds as last reported.
 *
 * @param occupied may exceed {@code total} (extra beds, 加床)
 * @param reserved beds held for referred patients
 */
public record BedAvailability(
        DepartmentKey department,
        int total,
        int occupied,
        int reserved,
        Freshness freshness) {

    /** Beds free for anyone outside the referral reserve. */
    public int freeForPublic() {
        return Math.max(0, total - occupied - reserved);
    }
}
