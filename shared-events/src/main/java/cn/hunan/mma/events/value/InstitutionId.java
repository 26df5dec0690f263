package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A medical institution's stable code, as registered in the hospital matrix. */
public record InstitutionId(@JsonValue String value) {

    public static final String PATTERN = IdFormat.PATTERN;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public InstitutionId {
        IdFormat.requireCode(value, "institution id");
    }

    public static InstitutionId of(String value) {
        return new InstitutionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
