package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A value deserializer for frameworks that configure deserializers by class name (SmallRye
 * Kafka's {@code value.deserializer}). It looks the topic up in {@link Topics} and accepts only
 * that topic's value types; on a topic it does not know it accepts any registered type.
 * Rejections throw {@link cn.hunan.mma.events.codec.RejectedRecordException}.
 *
 * <p>Optional configuration: {@value #MAX_PAYLOAD_BYTES} and {@value #FUTURE_TOLERANCE_SECONDS}.
 */
public final class ContractRecordDeserializer implements Deserializer<ContractRecord> {

    public static final String MAX_PAYLOAD_BYTES = "mma.contract.max-payload-bytes";
    public static final String FUTURE_TOLERANCE_SECONDS = "mma.contract.future-tolerance-seconds";

    private ContractCodec codec = ContractCodec.standard();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object maxBytes = configs.get(MAX_PAYLOAD_BYTES);
        Object tolerance = configs.get(FUTURE_TOLERANCE_SECONDS);
        if (maxBytes != null || tolerance != null) {
            codec = new ContractCodec(Clock.systemUTC(),
                    maxBytes == null ? ContractCodec.DEFAULT_MAX_PAYLOAD_BYTES : Integer.parseInt(maxBytes.toString()),
                    tolerance == null ? ContractCodec.DEFAULT_FUTURE_TOLERANCE
                            : Duration.ofSeconds(Long.parseLong(tolerance.toString())));
        }
    }

    @Override
    public ContractRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Class<? extends ContractRecord> expected = Topics.byName(topic)
                .<Class<? extends ContractRecord>>map(Topic::valueType)
                .orElse(ContractRecord.class);
        return codec.decode(data, expected).orElseThrow();
    }
}
