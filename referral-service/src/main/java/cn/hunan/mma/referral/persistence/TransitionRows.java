package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.platform.outbox.OutboxEvent;

import java.util.List;

/**
 * The part of a referral's write statement that records what a transition announces: its timeline
 * entry and its outbox rows (the referral event, plus a capacity event when a slot is held or
 * released) — written in the same statement as the referral row itself ({@link ReferralRows}), so a
 * transition is one round trip to PostgreSQL instead of one per row.
 *
 * <p>The outbox columns are those of platform-common's {@code db/outbox/R__mma_outbox.sql}
 * ({@link cn.hunan.mma.platform.outbox.OutboxEventEntity} maps the same table); the timeline entry
 * keeps the referral event's payload byte for byte, encoded once for both rows.
 */
final class TransitionRows {

    private static final String TIMELINE_COLUMNS = "referral_event (event_id, referral_id, sequence, type, occurred_at, actor, payload)";
    private static final String OUTBOX_COLUMNS = "outbox (id, aggregatetype, aggregateid, type, payload, occurred_at)";

    private TransitionRows() {
    }

    /**
     * {@code timeline as (insert …) insert into outbox …}, each row written only when {@code source}
     * (a preceding CTE) yields a row — i.e. only when the referral row was written. Explicit casts:
     * parameters in a SELECT list take no type from the target column.
     *
     * @param event    the referral event, as its outbox row on the referral topic
     * @param sequence the referral's version before the transition: 0 for the request, then 1, 2, …
     * @param outbox   every outbox row of the transition, {@code event} among them
     */
    static String appendRows(StringBuilder sql, SqlParams params, String source, OutboxEvent event, int sequence,
                             String actor, List<OutboxEvent> outbox) {
        appendTimeline(sql, params, source, event, sequence, actor);
        sql.append(' ');
        appendOutboxInsert(sql);
        for (int row = 0; row < outbox.size(); row++) {
            OutboxEvent published = outbox.get(row);
            sql.append(row == 0 ? " " : " union all ");
            appendOutboxRow(sql, params, published, params.add(published.payload()) + "::text", source);
        }
        return sql.toString();
    }

    /** {@code , timeline as (insert …)}: the transition's timeline entry, written when {@code source} yields a row. */
    static void appendTimeline(StringBuilder sql, SqlParams params, String source, OutboxEvent event, int sequence,
                               String actor) {
        sql.append(", timeline as (insert into ").append(TIMELINE_COLUMNS).append(" select ")
                .append(params.add(event.eventId())).append("::uuid, ")
                .append(params.add(event.key())).append("::text, ")
                .append(params.add(sequence)).append("::int, ")
                .append(params.add(event.type())).append("::text, ")
                .append(params.add(event.occurredAt())).append("::timestamptz, ")
                .append(params.add(actor)).append("::text, ")
                .append(params.add(event.payload())).append("::text from ").append(source).append(")");
    }

    /** {@code insert into outbox (…)}: the start of an insert whose rows {@link #appendOutboxRow} selects. */
    static void appendOutboxInsert(StringBuilder sql) {
        sql.append("insert into ").append(OUTBOX_COLUMNS);
    }

    /**
     * {@code select … from <from>}: one outbox row for {@code published}, its payload given as an SQL
     * expression (a parameter, or a choice between parameters settled by what the statement changed).
     */
    static void appendOutboxRow(StringBuilder sql, SqlParams params, OutboxEvent published, String payload, String from) {
        sql.append("select ")
                .append(params.add(published.eventId())).append("::uuid, ")
                .append(params.add(published.topic())).append("::text, ")
                .append(params.add(published.key())).append("::text, ")
                .append(params.add(published.type())).append("::text, ")
                .append(payload).append(", ")
                .append(params.add(published.occurredAt())).append("::timestamptz from ").append(from);
    }
}
