package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One tag byte, then the contract JSON of an arrival or the superseding event id. */
final class LedgerMessageSerde implements Serde<LedgerMessage> {

    private static final byte ARRIVAL = 'A';
    private static final byte SUPERSEDED = 'S';

    private final ContractCodec codec;

    LedgerMessageSerde(ContractCodec codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<LedgerMessage> serializer() {
        return (topic, message) -> {
            byte[] body = message instanceof LedgerMessage.Arrival arrival
                    ? arrival.bytes()
                    : ((LedgerMessage.Superseded) message).byEventId().getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[body.length + 1];
            bytes[0] = message instanceof LedgerMessage.Arrival ? ARRIVAL : SUPERSEDED;
            System.arraycopy(body, 0, bytes, 1, body.length);
            return bytes;
        };
    }

    @Override
    public Deserializer<LedgerMessage> deserializer() {
        return (topic, bytes) -> {
            byte[] body = Arrays.copyOfRange(bytes, 1, bytes.length);
            return bytes[0] == ARRIVAL
                    // Already accepted once by the same codec: a rejection here would be a bug, so it throws.
                    ? new LedgerMessage.Arrival(codec.decode(body).orElseThrow(), body)
                    : new LedgerMessage.Superseded(new String(body, StandardCharsets.UTF_8));
        };
    }
}
