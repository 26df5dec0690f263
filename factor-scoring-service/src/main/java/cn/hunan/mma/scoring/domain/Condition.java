package cn.hunan.mma.scoring.domain;

import java.util.List;
import java.util.Objects;

/** A filter of a measure: the event's field must hold one of the listed values (text form). */
public record Condition(String field, List<String> anyOf) {

    public Condition {
        Objects.requireNonNull(field, "field");
        anyOf = List.copyOf(Objects.requireNonNull(anyOf, "anyOf"));
    }

    public boolean acceptsValue(String value) {
        return value != null && anyOf.contains(value);
    }
}
