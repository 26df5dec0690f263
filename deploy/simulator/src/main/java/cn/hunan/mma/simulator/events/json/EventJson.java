package cn.hunan.mma.simulator.events.json;

import java.util.SplittableRandom;

/**
 * An event about to be written: a mutable, reusable description that writes its own contract
 * JSON. The emitter writes the envelope every record shares — {@code type}, {@code eventId},
 * {@code occurredAt}, and for corrections {@code correctsEventId} (always the last field of a
 * hospital report) — and asks the event for the fields in between.
 */
public interface EventJson {

    EventKind kind();

    /** The record key as text: the reporting institution, or the referral. */
    String key();

    /** When the fact happened, epoch seconds. */
    long occurredAt();

    /** Writes {@code ,"field":value} pairs after {@code occurredAt}, in record-component order. */
    void writeFields(JsonBuffer out);

    /** Changes one stated fact, before the event is written again as a correction. */
    default void amend(SplittableRandom random) {
    }
}
