package cn.hunan.mma.simulator.events;

/**
 * Where generated lines go (an event file, Kafka, a test's memory). Lines arrive as slices:
 * complete lines ({@code topic TAB key TAB json NEWLINE}) delivered in the same hour by one
 * county-level unit, in delivery order. The simulation encodes slices in parallel, then hands them
 * to {@link #write} in output order on a single thread.
 */
public interface EventSink extends AutoCloseable {

    /** Prepares a slice for writing, e.g. compresses it; called on worker threads, must be thread-safe. */
    default byte[] encode(byte[] lines) {
        return lines;
    }

    /** Takes encoded slices in output order; called on one thread. */
    void write(byte[] encoded);

    @Override
    void close();
}
