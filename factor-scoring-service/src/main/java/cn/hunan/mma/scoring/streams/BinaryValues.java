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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
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
