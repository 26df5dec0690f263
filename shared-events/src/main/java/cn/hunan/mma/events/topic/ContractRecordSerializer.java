package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import org.apache.kafka.common.serialization.Serializer;

/** A value serializer for frameworks that configure serializers by class name. */
public final class ContractRecordSerializer implements Serializer<ContractRecord> {

    @Override
    public byte[] serialize(String topic, ContractRecord data) {
        return data == null ? null : ContractCodec.standard().encode(data);
    }
}
