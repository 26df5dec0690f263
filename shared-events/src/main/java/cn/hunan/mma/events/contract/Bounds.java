package cn.hunan.mma.events.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range of an integer component where it is narrower than a count's (at least 0): a calendar year, a revision
 * counted from 1. The JSON Schema generator writes it as {@code minimum} / {@code maximum}, so the integration team's
 * validators refuse what the record's constructor refuses; {@code ContractBoundsTest} fails when a record accepts a
 * value its schema refuses.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Bounds {

    long min();

    /** {@link Long#MAX_VALUE}: no upper bound. */
    long max() default Long.MAX_VALUE;
}
