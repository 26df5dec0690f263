package cn.hunan.mma.scoring.streams;

import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Keys of the event ledger: the month the entry belongs to (two bytes, {@link Contribution#monthNumber}),
 * then the event id — 16 bytes for a UUID, else its UTF-8 text after a marker byte. Month first, so that
 * all entries of a month are one key range: a month leaves the ledger by deleting that range.
 */
final class LedgerKeys {

    private static final byte UUID_ID = 0;
    private static final byte TEXT_ID = 1;
    /** Above both id markers: the end (inclusive) of a month's range never equals a real key. */
    private static final byte AFTER_IDS = (byte) 0xFF;

    private LedgerKeys() {
    }

    /** Month numbers (year × 12 + month − 1) stay below 2^15 until the year 2730: two bytes keep their order. */
    static Bytes of(int month, String eventId) {
        UUID uuid = BinaryValues.canonicalUuid(eventId);
        if (uuid != null) {
            return Bytes.wrap(ByteBuffer.allocate(Short.BYTES + 1 + 2 * Long.BYTES).putShort((short) month).put(UUID_ID)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
        }
        byte[] text = eventId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Short.BYTES + 1 + text.length).putShort((short) month).put(TEXT_ID).put(text).array());
    }

    /** The same event id filed under another month. */
    static Bytes inMonth(Bytes key, int month) {
        byte[] bytes = key.get().clone();
        bytes[0] = (byte) (month >>> 8);
        bytes[1] = (byte) month;
        return Bytes.wrap(bytes);
    }

    /** The first possible key of a month. */
    static Bytes firstOf(int month) {
        return Bytes.wrap(ByteBuffer.allocate(Short.BYTES).putShort((short) month).array());
    }

    /** A bound above every key of the month and below every key of the next one. */
    static Bytes lastOf(int month) {
        return Bytes.wrap(ByteBuffer.allocate(Short.BYTES + 1).putShort((short) month).put(AFTER_IDS).array());
    }

    static int monthOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getShort() & 0xFFFF;
    }
}
