package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.value.ContractViolation;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/** A typed key as UTF-8 text; a key that does not parse is rejected like a bad value. */
final class ContractKeySerde<K> implements Serde<K> {

    private final KeyFormat<K> format;

    ContractKeySerde(KeyFormat<K> format) {
        this.format = format;
    }

    @Override
    public Serializer<K> serializer() {
        return (topic, key) -> key == null ? null : format.format().apply(key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Deserializer<K> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return format.parse().apply(new String(bytes, StandardCharsets.UTF_8));
            } catch (ContractViolation e) {
                throw new RejectedRecordException(e.reason(), "key", e.getMessage());
            }
        };
    }
}
