package cn.hunan.mma.events.conduct;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;

import java.time.Instant;

/**
 * States that a complaint, violation or improper charge concerning an institution was recorded;
 * a later correction with {@code verified = true} confirms it.
 *
 * @param amount the sum involved (e.g. the improper charge), when there is one
 */
public record ConductIncidentRecorded(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        IncidentKind kind,
        boolean verified,
        @OptionalField Money amount,
        @OptionalField EventId correctsEventId) implements ConductEvent {

    public ConductIncidentRecorded {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(kind, "kind");
    }
}
