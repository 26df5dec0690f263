package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.platform.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes what one transition announces — its timeline entry and its outbox rows (the referral
 * event, plus a capacity event when a slot is held or released) — as one INSERT statement, i.e. one
 * round trip to PostgreSQL instead of one per row: on the create → accept → schedule path the
 * service's CPU goes mostly into per-statement work (socket writes, Hibernate Reactive's machinery).
 *
 * <p>The outbox columns are those of platform-common's {@code db/outbox/R__mma_outbox.sql}
 * ({@link cn.hunan.mma.platform.outbox.OutboxEventEntity} maps the same table); the timeline entry
 * keeps the referral event's payload byte for byte, encoded once for both rows.
 */
public final class TransitionRows {

    private static final String TIMELINE = "insert into referral_event"
            + " (event_id, referral_id, sequence, type, occurred_at, actor, payload)"
            + " values (:eventId, :referralId, :sequence, :type, :occurredAt, :actor, :payload)";

    private TransitionRows() {
    }

    /**
     * @param event    the referral event, as its outbox row on the referral topic
     * @param sequence the referral's version before the transition: 0 for the request, then 1, 2, …
     * @param outbox   every outbox row of the transition, {@code event} among them
     */
    public static Uni<Void> insert(Mutiny.Session session, OutboxEvent event, int sequence, String actor,
                                   List<OutboxEvent> outbox) {
        StringBuilder sql = new StringBuilder("with timeline as (").append(TIMELINE).append(")")
                .append(" insert into outbox (id, aggregatetype, aggregateid, type, payload, occurred_at) values ");
        for (int row = 0; row < outbox.size(); row++) {
            sql.append(row == 0 ? "" : ", ").append("(:id").append(row).append(", :topic").append(row)
                    .append(", :key").append(row).append(", :type").append(row).append(", :payload").append(row)
                    .append(", :occurredAt").append(row).append(')');
        }
        Mutiny.Query<?> query = session.createNativeQuery(sql.toString())
                .setParameter("eventId", event.eventId())
                .setParameter("referralId", event.key())
                .setParameter("sequence", sequence)
                .setParameter("type", event.type())
                .setParameter("occurredAt", utc(event))
                .setParameter("actor", actor)
                .setParameter("payload", event.payload());
        for (int row = 0; row < outbox.size(); row++) {
            OutboxEvent published = outbox.get(row);
            query.setParameter("id" + row, published.eventId())
                    .setParameter("topic" + row, published.topic())
                    .setParameter("key" + row, published.key())
                    .setParameter("type" + row, published.type())
                    .setParameter("payload" + row, published.payload())
                    .setParameter("occurredAt" + row, utc(published));
        }
        return query.executeUpdate().replaceWithVoid();
    }

    // The reactive PostgreSQL client binds timestamptz from OffsetDateTime (not Instant) in native queries.
    private static OffsetDateTime utc(OutboxEvent event) {
        return event.occurredAt().atOffset(ZoneOffset.UTC);
    }
}
