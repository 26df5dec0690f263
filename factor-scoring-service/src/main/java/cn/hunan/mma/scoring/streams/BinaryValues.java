package cn.hunan.mma.scoring.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact binary form of the topology's internal values (repartition topics and stores): they
 * are written and read once or more per event, where JSON costs more than the counting itself.
 * Every value starts with a format byte, so a later layout can be told apart.
 */
final class BinaryValues {

    private BinaryValues() {
    }

    interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    interface Reading<T> {
        T from(DataInputStream in) throws IOException;
    }

    static byte[] write(byte format, Writing writing) {
        return write(format, 256, writing);
    }

    /** @param expectedSize a guess of the written size, so that the buffer rarely has to grow */
    static byte[] write(byte format, int expectedSize, Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(expectedSize);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T> T read(byte[] bytes, byte format, Reading<T> reading) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte found = in.readByte();
            if (found != format) {
                throw new IllegalStateException("unknown value format " + found + ", expected " + format);
            }
            return reading.from(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeAmounts(DataOutputStream out, Map<String, Long> amounts) throws IOException {
        out.writeShort(amounts.size());
        for (Map.Entry<String, Long> amount : amounts.entrySet()) {
            out.writeUTF(amount.getKey());
            out.writeLong(amount.getValue());
        }
    }

    static Map<String, Long> readAmounts(DataInputStream in) throws IOException {
        int size = in.readUnsignedShort();
        Map<String, Long> amounts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            amounts.put(in.readUTF(), in.readLong());
        }
        return amounts;
    }

    /** Unsigned LEB128: most measure positions, counts and sizes take one byte. */
    static void writeVarLong(DataOutputStream out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    static long readVarLong(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = in.readUnsignedByte();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed variable-length number");
    }

    /** Zig-zag, so that small negative amounts (a retraction's) stay short too. */
    static void writeSignedVarLong(DataOutputStream out, long value) throws IOException {
        writeVarLong(out, (value << 1) ^ (value >> 63));
    }

    static long readSignedVarLong(DataInputStream in) throws IOException {
        long raw = readVarLong(in);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** The UUID when the id is one in its canonical (lower-case) text, so that it reads back as the same text; else null. */
    static java.util.UUID canonicalUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            java.util.UUID uuid = java.util.UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    static void writeTexts(DataOutputStream out, List<String> texts) throws IOException {
        out.writeShort(texts.size());
        for (String text : texts) {
            out.writeUTF(text);
        }
    }

    static List<String> readTexts(DataInputStream in) throws IOException {
        int size = in.readUnsignedShort();
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            texts.add(in.readUTF());
        }
        return texts;
    }
}
