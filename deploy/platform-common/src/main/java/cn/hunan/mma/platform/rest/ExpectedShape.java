package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a client must send for a Java type, in the words of the JSON or the URL the client writes ("a whole number",
 * "an array", "one of ROUTINE, URGENT"), never the Java type's name, which means nothing to a caller.
 */
final class ExpectedShape {

    /** Writes enum constants as the services' JSON does, so @JsonValue names (DischargeMode's codes) are listed. */
    private static final ObjectMapper CONSTANTS = new ObjectMapper();

    private ExpectedShape() {
    }

    static String of(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> CONSTANTS.valueToTree(constant).asText())
                    .collect(Collectors.joining(", "));
        }
        if (type == BigDecimal.class) {
            return "a decimal number or a string holding one";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == Money.class || type == SignedMoney.class) {
            return "an amount in yuan such as \"123.45\" (a string or a number)"; // StrictTextJson takes either
        }
        if (type == LocalDate.class) {
            return "a date such as 2025-03-31";
        }
        if (type == YearMonth.class) {
            return "a month such as 2025-03";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date and time such as 2025-03-31T08:00:00+08:00";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        // A value type written as one scalar (DivisionCode, InstitutionId): the shape of that scalar.
        return scalarOf(type).map(ExpectedShape::of).orElse("an object");
    }

    /** The type a value class is written as (its @JsonValue) or read from (a one-argument delegating creator). */
    private static Optional<Class<?>> scalarOf(Class<?> type) {
        Optional<Class<?>> written = Arrays.stream(type.getMethods())
                .filter(method -> method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0)
                .findFirst().map(Method::getReturnType);
        if (written.isPresent()) {
            return written;
        }
        return Stream.concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()))
                .filter(ExpectedShape::isDelegatingCreator)
                .findFirst().map(creator -> creator.getParameterTypes()[0]);
    }

    private static boolean isDelegatingCreator(Executable creator) {
        JsonCreator annotation = creator.getAnnotation(JsonCreator.class);
        return annotation != null && annotation.mode() == JsonCreator.Mode.DELEGATING && creator.getParameterCount() == 1;
    }
}
