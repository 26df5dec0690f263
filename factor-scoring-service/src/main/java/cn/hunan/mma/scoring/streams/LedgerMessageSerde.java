package cn.hunan.mma.scoring.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One tag byte — an arrival of a replaceable record, of a referral event, or "superseded" — then
 * the arrival's contribution bytes or the superseding event id. The record itself does not travel:
 * it was decoded and attributed once, before this repartition.
 */
final class LedgerMessageSerde implements Serde<LedgerMessage> {

    private static final byte ARRIVAL = 'A';
    private static final byte ARRIVAL_FOR_GOOD = 'R';
    private static final byte SUPERSEDED = 'S';

    @Override
    public Serializer<LedgerMessage> serializer() {
        return (topic, message) -> {
            byte tag;
            byte[] body;
            if (message instanceof LedgerMessage.Arrival arrival) {
                tag = arrival.replaceable() ? ARRIVAL : ARRIVAL_FOR_GOOD;
                body = arrival.contribution();
            } else {
                tag = SUPERSEDED;
                body = ((LedgerMessage.Superseded) message).byEventId().getBytes(StandardCharsets.UTF_8);
            }
            byte[] bytes = new byte[body.length + 1];
            bytes[0] = tag;
            System.arraycopy(body, 0, bytes, 1, body.length);
            return bytes;
        };
    }

    @Override
    public Deserializer<LedgerMessage> deserializer() {
        return (topic, bytes) -> {
            byte[] body = Arrays.copyOfRange(bytes, 1, bytes.length);
            return switch (bytes[0]) {
                case ARRIVAL -> new LedgerMessage.Arrival(true, body);
                case ARRIVAL_FOR_GOOD -> new LedgerMessage.Arrival(false, body);
                case SUPERSEDED -> new LedgerMessage.Superseded(new String(body, StandardCharsets.UTF_8));
                default -> throw new IllegalStateException("unknown ledger message tag " + bytes[0]);
            };
        };
    }
}
