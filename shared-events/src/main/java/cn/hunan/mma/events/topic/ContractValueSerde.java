package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A topic's value type as contract JSON. The deserializer throws {@link
 * cn.hunan.mma.events.codec.RejectedRecordException} for a rejected payload. A null payload is a
 * tombstone on compacted topics and stays null.
 */
final class ContractValueSerde<V extends ContractRecord> implements Serde<V> {

    private final ContractCodec codec;
    private final Class<V> valueType;

    ContractValueSerde(ContractCodec codec, Class<V> valueType) {
        this.codec = codec;
        this.valueType = valueType;
    }

    @Override
    public Serializer<V> serializer() {
        return (topic, value) -> value == null ? null : codec.encode(value);
    }

    @Override
    public Deserializer<V> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.decode(bytes, valueType).orElseThrow();
    }
}
