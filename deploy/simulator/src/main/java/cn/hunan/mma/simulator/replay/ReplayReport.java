package cn.hunan.mma.simulator.replay;

/**
 * What a replay did.
 *
 * @param sent           records handed to the producer
 * @param acknowledged   records the broker acknowledged
 * @param sendSeconds    from the first send to the last send call returning
 * @param totalSeconds   until every record was acknowledged
 * @param maxLagMillis   at a fixed rate, how far the worst send fell behind its slot
 */
public record ReplayReport(long sent, long acknowledged, double sendSeconds, double totalSeconds, double maxLagMillis) {

    /** Acknowledged records per second, end to end. */
    public double recordsPerSecond() {
        return totalSeconds == 0 ? 0 : acknowledged / totalSeconds;
    }
}
