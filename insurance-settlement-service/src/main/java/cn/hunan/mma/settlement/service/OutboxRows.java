package cn.hunan.mma.settlement.service;

import cn.hunan.mma.platform.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Outbox rows written over the reactive client, in the caller's transaction: one multi-row insert whatever the number
 * of events (the relay publishes each row's event, or each event of a batch row, after the commit).
 */
final class OutboxRows {

    private static final String INSERT = "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, occurred_at) "
            + "SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])";

    private OutboxRows() {
    }

    static Uni<Void> insert(SqlConnection connection, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT).execute(tuple(events)).replaceWithVoid();
    }

    private static Tuple tuple(List<OutboxEvent> events) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            OutboxEvent event = events.get(i);
            ids[i] = event.eventId();
            topics[i] = event.topic();
            keys[i] = event.key();
            types[i] = event.type();
            payloads[i] = event.payload();
            occurred[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        }
        return Tuple.tuple(List.<Object>of(ids, topics, keys, types, payloads, occurred));
    }
}
