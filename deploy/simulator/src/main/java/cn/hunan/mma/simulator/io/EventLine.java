package cn.hunan.mma.simulator.io;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One record of an event file: the topic it goes to, its key as text, and the value bytes exactly
 * as they are to be sent (usually contract JSON; a deliberately malformed record when the
 * generator injects faults, which is why the value is bytes and not a decoded record).
 */
public record EventLine(String topic, String key, byte[] value) {

    public EventLine {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (topic.indexOf('\t') >= 0 || key.indexOf('\t') >= 0 || topic.indexOf('\n') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("topic and key must not contain tabs or newlines");
        }
    }

    public String valueText() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
