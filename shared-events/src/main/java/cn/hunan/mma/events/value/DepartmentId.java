package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A clinical department; unique within its institution only. */
public record DepartmentId(@JsonValue String value) {

    public static final String PATTERN = IdFormat.PATTERN;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DepartmentId {
        IdFormat.requireCode(value, "department id");
    }

    public static DepartmentId of(String value) {
        return new DepartmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
