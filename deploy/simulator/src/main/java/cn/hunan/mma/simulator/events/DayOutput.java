package cn.hunan.mma.simulator.events;

/**
 * One county-level unit's lines for one day, cut into the 24 hours they are delivered in, each
 * slice already encoded for the sink (e.g. a gzip member), with what was generated.
 */
record DayOutput(byte[][] hourlySlices, EventTally tally) {
}
