package cn.hunan.mma.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * A running total the topology keeps per scope and month: a count (or a sum of {@code sumOf}) over
 * counted events of the listed types that meet every condition. Numerators and denominators of
 * indicators name measures; changing a measure's definition changes what is counted, so it needs
 * a replay, while indicators built on existing measures can change freely.
 *
 * @param sumOf         a numeric field of the event types, or null to count events
 * @param latestMonthOf null for a measure a longer period adds up (visits, fen); for a point-in-time figure (a
 *                      headcount), the count measure whose latest month in the period gives the period's value — see
 *                      {@link PeriodTotals}. Read-side only: what is counted per month is the same.
 */
public record MeasureDefinition(String id, List<String> eventTypes, Basis basis, String sumOf, List<Condition> where,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String latestMonthOf) {

    public MeasureDefinition {
        Objects.requireNonNull(id, "id");
        eventTypes = List.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
        basis = basis == null ? Basis.TREATMENT : basis;
        where = where == null ? List.of() : List.copyOf(where);
    }

    /** A measure a longer period adds up. */
    public MeasureDefinition(String id, List<String> eventTypes, Basis basis, String sumOf, List<Condition> where) {
        this(id, eventTypes, basis, sumOf, where, null);
    }

    public boolean pointInTime() {
        return latestMonthOf != null;
    }

    public boolean counts() {
        return sumOf == null;
    }
}
