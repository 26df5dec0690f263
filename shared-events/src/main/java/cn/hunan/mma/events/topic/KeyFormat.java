package cn.hunan.mma.events.topic;

import java.util.function.Function;

/**
 * How a topic key is written as text (UTF-8 on the wire). Keys are plain strings so that the
 * province's integration and command-line tools can read and produce them.
 */
public record KeyFormat<K>(Class<K> type, Function<K, String> format, Function<String, K> parse) {

    /** Keys whose {@code toString()} is their text form, parsed back by the given factory. */
    public static <K> KeyFormat<K> ofText(Class<K> type, Function<String, K> parse) {
        return new KeyFormat<>(type, Object::toString, parse);
    }
}
