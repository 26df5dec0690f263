package cn.hunan.mma.platform.rest;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a query or path parameter's text converts to its Java type, by the rules JAX-RS 3.2 §3.2 gives (and Quarkus
 * REST follows) for types without a ParamConverter: a primitive by its wrapper, then a static {@code fromString} or
 * {@code valueOf(String)}, a constructor taking a String, or, for java.time, {@code parse}. Read only on the error
 * path, to tell which parameter failed; a type none of these can build is taken as converting, so it is never blamed.
 */
final class ParameterText {

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class);

    private ParameterText() {
    }

    static boolean converts(String text, Class<?> type) {
        if (type == String.class || type == Object.class || type == boolean.class || type == Boolean.class) {
            return true; // taken as is; Boolean.valueOf reads anything that is not "true" as false
        }
        if (type == char.class || type == Character.class) {
            return text.length() == 1;
        }
        Class<?> target = WRAPPERS.getOrDefault(type, type);
        Optional<ThrowingReader> reader = reader(target);
        if (reader.isEmpty()) {
            return true;
        }
        try {
            reader.get().read(text);
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface ThrowingReader {
        void read(String text) throws Exception;
    }

    private static Optional<ThrowingReader> reader(Class<?> type) {
        for (String name : new String[]{"fromString", "valueOf", "parse"}) {
            for (Class<?> argument : new Class<?>[]{String.class, CharSequence.class}) {
                Optional<Method> factory = staticMethod(type, name, argument);
                if (factory.isPresent()) {
                    return Optional.of(text -> factory.get().invoke(null, text));
                }
            }
        }
        try {
            Constructor<?> constructor = type.getConstructor(String.class);
            return Optional.of(constructor::newInstance);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Optional<Method> staticMethod(Class<?> type, String name, Class<?> argument) {
        try {
            Method method = type.getMethod(name, argument);
            return Modifier.isStatic(method.getModifiers()) ? Optional.of(method) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
