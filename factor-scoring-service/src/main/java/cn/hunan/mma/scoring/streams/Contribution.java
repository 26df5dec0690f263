package cn.hunan.mma.scoring.streams;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * What one counted record adds to the totals, worked out once where the record is decoded: the
 * month it happened in and, per scope, the amounts of the counting measures it meets. The ledger
 * keeps these bytes (not the record) so that a later correction takes out exactly what was put in,
 * even if the matrix changed in between, without decoding the record again.
 *
 * <p>Measures are referred to by their position in the counting rule set, which is fixed for the
 * life of the topology's state: a rule set that changes a measure takes effect by the documented
 * replay, which deletes the state (README, "Replay after a measure change").
 *
 * @param month "2025-03" (Asia/Shanghai)
 */
record Contribution(String eventId, long occurredAtMillis, String month, List<ScopeAmounts> scopes) {

    private static final byte FORMAT = 1;

    /** @param measures positions in the counting rule set's measure list; {@code amounts} are the amounts at the same index */
    record ScopeAmounts(String scope, int[] measures, long[] amounts) {
    }

    byte[] toBytes() {
        return BinaryValues.write(FORMAT, out -> {
            out.writeUTF(eventId);
            out.writeLong(occurredAtMillis);
            out.writeUTF(month);
            out.writeShort(scopes.size());
            for (ScopeAmounts scope : scopes) {
                out.writeUTF(scope.scope());
                writeAmounts(out, scope.measures(), scope.amounts());
            }
        });
    }

    static Contribution fromBytes(byte[] bytes) {
        return BinaryValues.read(bytes, FORMAT, in -> {
            String eventId = in.readUTF();
            long occurredAt = in.readLong();
            String month = in.readUTF();
            int count = in.readUnsignedShort();
            ScopeAmounts[] scopes = new ScopeAmounts[count];
            for (int i = 0; i < count; i++) {
                String scope = in.readUTF();
                int size = in.readUnsignedShort();
                int[] measures = new int[size];
                long[] amounts = new long[size];
                readAmounts(in, measures, amounts);
                scopes[i] = new ScopeAmounts(scope, measures, amounts);
            }
            return new Contribution(eventId, occurredAt, month, List.of(scopes));
        });
    }

    static void writeAmounts(DataOutputStream out, int[] measures, long[] amounts) throws IOException {
        out.writeShort(measures.length);
        for (int i = 0; i < measures.length; i++) {
            out.writeShort(measures[i]);
            out.writeLong(amounts[i]);
        }
    }

    /** Reads what {@link #writeAmounts} wrote, after its size was read into the arrays' length. */
    static void readAmounts(DataInputStream in, int[] measures, long[] amounts) throws IOException {
        for (int i = 0; i < measures.length; i++) {
            measures[i] = in.readUnsignedShort();
            amounts[i] = in.readLong();
        }
    }
}
