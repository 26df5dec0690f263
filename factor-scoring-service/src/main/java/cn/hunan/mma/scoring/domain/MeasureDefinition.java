package cn.hunan.mma.scoring.domain;

import java.util.List;
import java.util.Objects;

/**
 * A running total the topology keeps per scope and month: a count (or a sum of {@code sumOf}) over
 * counted events of the listed types that meet every condition. Numerators and denominators of
 * indicators name measures; changing a measure's definition changes what is counted, so it needs
 * a replay, while indicators built on existing measures can change freely.
 *
 * @param sumOf a numeric field of the event types, or null to count events
 */
public record MeasureDefinition(String id, List<String> eventTypes, Basis basis, String sumOf, List<Condition> where) {

    public MeasureDefinition {
        Objects.requireNonNull(id, "id");
        eventTypes = List.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
        basis = basis == null ? Basis.TREATMENT : basis;
        where = where == null ? List.of() : List.copyOf(where);
    }

    public boolean counts() {
        return sumOf == null;
    }
}
