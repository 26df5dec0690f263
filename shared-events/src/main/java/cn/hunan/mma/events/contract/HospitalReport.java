package cn.hunan.mma.events.contract;

import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

/**
 * A fact reported by (or on behalf of) one institution: capacity, care, prevention, conduct and
 * support events. Such topics are keyed by the institution id, so one institution's reports stay
 * in order on one partition.
 */
public interface HospitalReport extends ContractRecord {

    /** The reporting institution: the topic key. */
    InstitutionId institutionId();

    /**
     * The event this one replaces, or {@code null} for a first report. Consumers undo the named
     * event's effect and apply this one instead (hospitals correct their reports later).
     */
    EventId correctsEventId();

    /**
     * The event to undo: {@link #correctsEventId()}, except for a report that names itself, which replaces nothing (a
     * hospital system that fills the field on every report). Every consumer applies this one rule.
     */
    default EventId replaces() {
        return correctsEventId() == null || correctsEventId().equals(eventId()) ? null : correctsEventId();
    }
}
