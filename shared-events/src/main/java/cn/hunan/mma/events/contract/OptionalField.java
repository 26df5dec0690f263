package cn.hunan.mma.events.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that may be absent (its accessor then returns {@code null}). Every
 * other component is required: the codec rejects a payload without it (MISSING_FIELD) and the
 * JSON Schema generator lists it under {@code required}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface OptionalField {
}
