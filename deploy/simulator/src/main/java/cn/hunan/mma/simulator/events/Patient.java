package cn.hunan.mma.simulator.events;

/**
 * A synthetic resident as one episode of care sees them.
 *
 * @param resident number within the county-level unit (see {@code Residents})
 * @param village  index into the unit's care network villages
 */
record Patient(long resident, int band, int village, boolean female) {
}
