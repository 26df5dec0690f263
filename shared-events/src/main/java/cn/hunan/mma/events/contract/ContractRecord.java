package cn.hunan.mma.events.contract;

import cn.hunan.mma.events.value.EventId;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Every record on a platform topic: a business fact (past-tense name) or a reference snapshot.
 * The payload's {@code type} field carries the wire name from the event type registry; a
 * topic's value type is a sealed sub-interface listing what may appear on it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = ContractRecord.TYPE_PROPERTY)
public interface ContractRecord {

    String TYPE_PROPERTY = "type";

    /** Unique per event; consumers deduplicate on it (events arrive twice). */
    EventId eventId();

    /** When the fact happened (not when it was sent); events arrive late and out of order. */
    Instant occurredAt();
}
