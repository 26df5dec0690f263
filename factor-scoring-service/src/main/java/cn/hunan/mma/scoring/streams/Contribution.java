package cn.hunan.mma.scoring.streams;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one counted record adds to the totals, worked out once where the record is decoded: the
 * month it happened in and, per scope, the amounts of the counting measures it meets. The ledger
 * keeps these bytes (not the record) so that a later correction takes out exactly what was put in,
 * even if the matrix changed in between, without decoding the record again. That is why the scopes
 * travel and are stored with the amounts rather than recomputed from the matrix at retraction time.
 *
 * <p>Measures are referred to by their position in the counting rule set, which is fixed for the
 * life of the topology's state: a rule set that changes a measure takes effect by the documented
 * replay, which deletes the state (README, "Replay after a measure change").
 *
 * <p>The binary form is compact because the ledger repartition topic and the ledger store hold one per
 * event (a 湘潭 year is ~19 M): a UUID event id in 16 bytes, the month as a number, each distinct
 * amount vector once (the institution, its alliances, county, city and province usually receive the
 * same amounts) with variable-length numbers, and scope keys as a kind byte plus the division code as
 * a number (areas) or the id's text (institutions, alliances). ~120–180 bytes instead of ~600.
 *
 * @param month "2025-03" (Asia/Shanghai)
 */
record Contribution(String eventId, long occurredAtMillis, String month, List<ScopeAmounts> scopes) {

    private static final byte FORMAT = 2;
    /** Scope kinds written as their index; any other key is written whole after {@link #OTHER_KIND}. */
    private static final String[] KINDS = {"INSTITUTION:", "ALLIANCE:", "COUNTY:", "CITY:", "PROVINCE:"};
    private static final int OTHER_KIND = 0x7F;
    /** Set on the kind byte when the id after the prefix is written as a number (division codes). */
    private static final int NUMERIC = 0x80;
    private static final byte UUID_ID = 0;
    private static final byte TEXT_ID = 1;

    /** @param measures positions in the counting rule set's measure list; {@code amounts} are the amounts at the same index */
    record ScopeAmounts(String scope, int[] measures, long[] amounts) {
    }

    byte[] toBytes() {
        // ~10 bytes per scope (alliance ids are text): sized up front, as growing the buffer showed in profiles.
        return BinaryValues.write(FORMAT, 64 + 12 * scopes.size(), out -> {
            writeEventId(out, eventId);
            out.writeLong(occurredAtMillis);
            BinaryValues.writeVarLong(out, monthNumber(month));
            List<ScopeAmounts> vectors = new ArrayList<>(3);
            int[] vectorOfScope = new int[scopes.size()];
            for (int i = 0; i < scopes.size(); i++) {
                vectorOfScope[i] = indexOfSameAmounts(vectors, scopes.get(i));
            }
            BinaryValues.writeVarLong(out, vectors.size());
            for (ScopeAmounts vector : vectors) {
                writeAmounts(out, vector.measures(), vector.amounts());
            }
            BinaryValues.writeVarLong(out, scopes.size());
            for (int i = 0; i < scopes.size(); i++) {
                writeScope(out, scopes.get(i).scope());
                BinaryValues.writeVarLong(out, vectorOfScope[i]);
            }
        });
    }

    static Contribution fromBytes(byte[] bytes) {
        return BinaryValues.read(bytes, FORMAT, in -> {
            String eventId = readEventId(in);
            long occurredAt = in.readLong();
            String month = monthText((int) BinaryValues.readVarLong(in));
            int vectorCount = (int) BinaryValues.readVarLong(in);
            int[][] measures = new int[vectorCount][];
            long[][] amounts = new long[vectorCount][];
            for (int v = 0; v < vectorCount; v++) {
                int size = (int) BinaryValues.readVarLong(in);
                measures[v] = new int[size];
                amounts[v] = new long[size];
                readAmounts(in, measures[v], amounts[v]);
            }
            int count = (int) BinaryValues.readVarLong(in);
            ScopeAmounts[] scopes = new ScopeAmounts[count];
            for (int i = 0; i < count; i++) {
                String scope = readScope(in);
                int vector = (int) BinaryValues.readVarLong(in);
                // Scopes sharing a vector share its arrays: readers only read them.
                scopes[i] = new ScopeAmounts(scope, measures[vector], amounts[vector]);
            }
            return new Contribution(eventId, occurredAt, month, List.of(scopes));
        });
    }

    private static int indexOfSameAmounts(List<ScopeAmounts> vectors, ScopeAmounts scope) {
        for (int v = 0; v < vectors.size(); v++) {
            if (Arrays.equals(vectors.get(v).measures(), scope.measures()) && Arrays.equals(vectors.get(v).amounts(), scope.amounts())) {
                return v;
            }
        }
        vectors.add(scope);
        return vectors.size() - 1;
    }

    static void writeAmounts(DataOutputStream out, int[] measures, long[] amounts) throws IOException {
        BinaryValues.writeVarLong(out, measures.length);
        for (int i = 0; i < measures.length; i++) {
            BinaryValues.writeVarLong(out, measures[i]);
            BinaryValues.writeSignedVarLong(out, amounts[i]);
        }
    }

    /** Reads what {@link #writeAmounts} wrote, after its size was read into the arrays' length. */
    static void readAmounts(DataInputStream in, int[] measures, long[] amounts) throws IOException {
        for (int i = 0; i < measures.length; i++) {
            measures[i] = (int) BinaryValues.readVarLong(in);
            amounts[i] = BinaryValues.readSignedVarLong(in);
        }
    }

    private static void writeEventId(DataOutputStream out, String eventId) throws IOException {
        UUID uuid = BinaryValues.canonicalUuid(eventId);
        if (uuid == null) {
            out.writeByte(TEXT_ID);
            out.writeUTF(eventId);
        } else {
            out.writeByte(UUID_ID);
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        }
    }

    private static String readEventId(DataInputStream in) throws IOException {
        return in.readByte() == UUID_ID ? new UUID(in.readLong(), in.readLong()).toString() : in.readUTF();
    }

    /**
     * A scope key as written, remembered: an event has tens of scopes (a large hospital is in a dozen alliances or
     * more) from a few thousand keys, and writing each key afresh was the largest part of writing a contribution.
     * Bounded so that keys from a changed matrix cannot grow it without end (past the bound, keys are just written).
     */
    private static final int ENCODED_SCOPES_BOUND = 200_000;
    private static final Map<String, byte[]> ENCODED_SCOPES = new ConcurrentHashMap<>();

    private static void writeScope(DataOutputStream out, String scope) throws IOException {
        byte[] encoded = ENCODED_SCOPES.get(scope);
        if (encoded == null) {
            encoded = encodeScope(scope);
            if (ENCODED_SCOPES.size() < ENCODED_SCOPES_BOUND) {
                ENCODED_SCOPES.put(scope, encoded);
            }
        }
        out.write(encoded);
    }

    private static byte[] encodeScope(String scope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeScopeKey(out, scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeScopeKey(DataOutputStream out, String scope) throws IOException {
        for (int kind = 0; kind < KINDS.length; kind++) {
            if (scope.startsWith(KINDS[kind])) {
                String id = scope.substring(KINDS[kind].length());
                if (isPlainNumber(id)) {
                    out.writeByte(kind | NUMERIC);
                    BinaryValues.writeVarLong(out, Long.parseLong(id));
                } else {
                    out.writeByte(kind);
                    out.writeUTF(id);
                }
                return;
            }
        }
        out.writeByte(OTHER_KIND);
        out.writeUTF(scope);
    }

    /**
     * Scope keys as read back, per kind and id: the ledger reads a contribution for every counted event, and
     * building tens of "KIND:id" strings for each was a visible part of it. Bounded like {@link #ENCODED_SCOPES}.
     */
    private static final List<Map<Object, String>> DECODED_SCOPES = List.of(new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

    private static String readScope(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind == OTHER_KIND) {
            return in.readUTF();
        }
        int index = kind & ~NUMERIC;
        Object id = (kind & NUMERIC) != 0 ? (Object) BinaryValues.readVarLong(in) : in.readUTF();
        Map<Object, String> known = DECODED_SCOPES.get(index);
        String scope = known.get(id);
        if (scope == null) {
            scope = KINDS[index] + id;
            if (known.size() < ENCODED_SCOPES_BOUND) {
                known.put(id, scope);
            }
        }
        return scope;
    }

    /** Digits only, no leading zero, short enough for a long: it reads back as the same text. */
    private static boolean isPlainNumber(String id) {
        if (id.isEmpty() || id.length() > 18 || id.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** "2025-03" → 2025 × 12 + 2. */
    static int monthNumber(String month) {
        return Integer.parseInt(month, 0, 4, 10) * 12 + Integer.parseInt(month, 5, 7, 10) - 1;
    }

    static String monthText(int number) {
        int year = number / 12;
        int month = number % 12 + 1;
        return year + (month < 10 ? "-0" : "-") + month;
    }
}
