package cn.hunan.mma.scoring.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One tag byte — an arrival of a replaceable record, of a referral event, or "superseded" — then when
 * the record happened (8 bytes), the sending task's input partition (2 bytes) and progress (8 bytes)
 * and, for an arrival, its month (2 bytes) and contribution bytes. The record itself does not travel:
 * it was decoded and attributed once, before this repartition.
 */
final class LedgerMessageSerde implements Serde<LedgerMessage> {

    private static final byte ARRIVAL = 'A';
    private static final byte ARRIVAL_FOR_GOOD = 'R';
    private static final byte SUPERSEDED = 'S';
    private static final int COMMON_HEADER = 1 + Long.BYTES + Short.BYTES + Long.BYTES;
    private static final int ARRIVAL_HEADER = COMMON_HEADER + Short.BYTES;

    @Override
    public Serializer<LedgerMessage> serializer() {
        return (topic, message) -> {
            if (message instanceof LedgerMessage.Arrival arrival) {
                byte[] contribution = arrival.contribution();
                ByteBuffer buffer = ByteBuffer.allocate(ARRIVAL_HEADER + contribution.length);
                header(buffer, arrival.replaceable() ? ARRIVAL : ARRIVAL_FOR_GOOD, message);
                return buffer.putShort((short) arrival.month()).put(contribution).array();
            }
            return header(ByteBuffer.allocate(COMMON_HEADER), SUPERSEDED, message).array();
        };
    }

    private static ByteBuffer header(ByteBuffer buffer, byte tag, LedgerMessage message) {
        return buffer.put(tag).putLong(message.occurredAtMillis()).putShort((short) message.source()).putLong(message.sourceProgress());
    }

    @Override
    public Deserializer<LedgerMessage> deserializer() {
        return (topic, bytes) -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte tag = buffer.get();
            long occurredAt = buffer.getLong();
            int source = buffer.getShort() & 0xFFFF;
            long sourceProgress = buffer.getLong();
            return switch (tag) {
                case ARRIVAL, ARRIVAL_FOR_GOOD -> new LedgerMessage.Arrival(tag == ARRIVAL, occurredAt, buffer.getShort() & 0xFFFF,
                        Arrays.copyOfRange(bytes, ARRIVAL_HEADER, bytes.length), source, sourceProgress);
                case SUPERSEDED -> new LedgerMessage.Superseded(occurredAt, source, sourceProgress);
                default -> throw new IllegalStateException("unknown ledger message tag " + tag);
            };
        };
    }
}
