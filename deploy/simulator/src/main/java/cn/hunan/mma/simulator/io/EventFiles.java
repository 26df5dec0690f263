package cn.hunan.mma.simulator.io;

/**
 * The event file format, shared by the generator (writes), replay (sends to Kafka) and the oracle
 * (recomputes the expected figures):
 *
 * <ul>
 *   <li>gzip-compressed UTF-8 text, one record per line, in delivery order (the order replay
 *       sends them, after duplicates, late and out-of-order delivery were injected);</li>
 *   <li>each line is {@code topic TAB key TAB value}, where topic is a name from the shared topic
 *       registry, key is the record key's text form, and value is the record's JSON as the
 *       contract codec writes it — a single line, since JSON escapes control characters;</li>
 *   <li>a malformed record (fault injection) keeps topic and key and carries the bad value as
 *       it is, so replay sends it and consumers must dead-letter it.</li>
 * </ul>
 *
 * Values are never re-encoded by replay: what the file holds is exactly what Kafka receives.
 */
public final class EventFiles {

    public static final char SEPARATOR = '\t';
    public static final String SUFFIX = ".jsonl.gz";

    private EventFiles() {
    }
}
