package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A close-knit alliance (county community, city group) or specialty alliance. */
public record AllianceId(@JsonValue String value) {

    public static final String PATTERN = IdFormat.PATTERN;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AllianceId {
        IdFormat.requireCode(value, "alliance id");
    }

    public static AllianceId of(String value) {
        return new AllianceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
