package cn.hunan.mma.navigation.capacity;

/**
 * One channel's slots: how many are open and how many of those are taken.
 *
 * @param published published less cancelled, plus slots opened to this channel, less slots opened from it
 * @param booked    booked less given back
 */
public record SlotAvailability(int published, int booked) {

    /**
     * Slots still bookable: never negative, and never more than published while a release waits
     * for the booking it undoes.
     */
    public int available() {
        return available(published, booked);
    }

    static int available(int published, int booked) {
        return Math.max(0, published - Math.max(0, booked));
    }

    /** Booked ÷ published, 0 when nothing is published: the load that horizontal spreading compares. */
    public double loadRatio() {
        return loadRatio(published, booked);
    }

    static double loadRatio(int published, int booked) {
        if (published <= 0) {
            return 0;
        }
        return Math.min(1.0, Math.max(0, booked) / (double) published);
    }
}
