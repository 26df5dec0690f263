package cn.hunan.mma.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends the rows a newly created slot cannot see: those already in the outbox table when the relay created it. Rows
 * are deleted only once Kafka has acknowledged them, so after a slot was lost (or dropped by hand) the table holds
 * exactly the events not yet relayed — and perhaps a few relayed ones whose delete had not run, sent again (at least
 * once; consumers deduplicate by {@code ce_id}).
 *
 * <p>The rows are read in one repeatable-read snapshot taken after the new slot exists, in the order they were
 * inserted ({@code seq}: a service changes an aggregate and writes its event under the aggregate's row lock, so for
 * one aggregate that is commit order, and within a transaction it is the order written), and the relay starts
 * streaming only once they are all acknowledged: an aggregate's older events reach Kafka before its newer ones. A row committed after the slot
 * was created is streamed as well: rows of transactions begun after it are left to the slot, and one begun before
 * but committed after may be sent twice.
 */
final class OutboxSweep {

    /** Rows sent and acknowledged per round: batch rows carry up to 1,000 events each. */
    private static final int ROWS_PER_ROUND = 50;

    private final String selectRows;
    private final String slotName;

    OutboxSweep(OutboxRelaySettings settings) {
        // A row of a transaction begun after the slot was created is the slot's to decode. Until the relay knew when
        // that was (it stopped in between), every row is sent, some of them twice.
        this.selectRows = "SELECT id, aggregatetype, aggregateid, type, payload, occurred_at FROM "
                + settings.quotedTable() + " WHERE created_at <= coalesce((SELECT slot_created_at FROM "
                + settings.quotedTable(ReplicationSetup.SWEEP_TABLE) + " WHERE slot_name = ?), 'infinity') "
                + "ORDER BY seq";
        this.slotName = settings.slotName();
    }

    /** @return the events sent (a batch row counts as its events) */
    long relayTable(Connection connection, OutboxPublisher publisher) throws SQLException, InterruptedException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        long events = 0;
        try (PreparedStatement select = connection.prepareStatement(selectRows)) {
            // A cursor: a table left with millions of events is never held in memory at once.
            select.setFetchSize(ROWS_PER_ROUND);
            select.setString(1, slotName);
            try (ResultSet rows = select.executeQuery()) {
                List<CapturedEvent> round = new ArrayList<>(ROWS_PER_ROUND);
                while (rows.next()) {
                    round.add(row(rows));
                    if (round.size() == ROWS_PER_ROUND) {
                        events += publisher.publish(round);
                        round.clear();
                    }
                }
                events += publisher.publish(round);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return events;
    }

    private static CapturedEvent row(ResultSet rows) throws SQLException {
        return new CapturedEvent(rows.getString(2), rows.getString(3), rows.getString(1), rows.getString(4),
                rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getString(5), Optional.empty());
    }
}
