package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import cn.hunan.mma.referral.domain.ReferralStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;

/**
 * The referral's writes on the request path, in native SQL on the reactive client: a request or a
 * transition is <em>one</em> statement that writes the referral row, its timeline entry and its
 * outbox rows together. The benchmark's profile had Hibernate Reactive's per-statement machinery as
 * the largest share of the service's CPU; one statement per call also means one round trip, and a
 * single statement is atomic on its own, so a transition without capacity needs no BEGIN/COMMIT.
 *
 * <p>Optimistic concurrency is the same as the entity's {@code @Version}: the update only matches
 * the version the caller decided on, and the timeline and outbox rows are written only when it
 * matched; a transition that lost the race writes nothing and is told so.
 * {@link ReferralEntity} still maps the same table for the read side.
 */
public final class ReferralRows {

    private static final String COLUMNS = "id, episode_id, status, version, review_required, direction, urgency,"
            + " sender_institution_id, sender_department_id, sender_division, receiver_institution_id,"
            + " receiver_department_id, receiver_division, patient_pseudonym, diagnosis, reason, criteria, flags,"
            + " attachment_refs, course_summary, treatment_plan, rehabilitation_guidance, rejection_code,"
            + " rejection_reason, onward_institution_id, reservation_kind, reservation_id, appointment_at,"
            + " reserved_session_date, reserved_session_period, outcome, discharge_summary_ref, requested_at, updated_at";
    private static final String FIND = "select " + COLUMNS + " from referral where id = $1";

    private ReferralRows() {
    }

    /** The referral, or {@code null} when there is none. */
    public static Uni<ReferralEntity> find(SqlClient client, String referralId) {
        return client.preparedQuery(FIND).execute(Tuple.of(referralId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? entity(found.next()) : null;
        });
    }

    /** Inserts a new referral (version 0) with its first timeline entry and outbox rows, in one statement. */
    public static Uni<Void> insertRequested(SqlClient client, ReferralEntity r, OutboxEvent event, String actor) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("with written as (insert into referral (").append(COLUMNS).append(") values (");
        Object[] values = {r.id, r.episodeId, r.status.name(), 0L, r.reviewRequired, r.direction.name(), r.urgency.name(),
                r.senderInstitutionId, r.senderDepartmentId, r.senderDivision, r.receiverInstitutionId,
                r.receiverDepartmentId, r.receiverDivision, r.patientPseudonym, r.diagnosis, r.reason, r.criteria, r.flags,
                r.attachmentRefs, r.courseSummary, r.treatmentPlan, r.rehabilitationGuidance, r.rejectionCode,
                r.rejectionReason, r.onwardInstitutionId, r.reservationKind, r.reservationId, SqlParams.offset(r.appointmentAt),
                r.reservedSessionDate, r.reservedSessionPeriod, r.outcome, r.dischargeSummaryRef,
                SqlParams.offset(r.requestedAt), SqlParams.offset(r.updatedAt)};
        for (int column = 0; column < values.length; column++) {
            sql.append(column == 0 ? "" : ", ").append(params.add(values[column]));
        }
        sql.append(") returning id)");
        TransitionRows.appendRows(sql, params, "written", event, 0, actor, List.of(event));
        return client.preparedQuery(sql.toString()).execute(params.tuple()).replaceWithVoid();
    }

    /**
     * Writes a transition decided on {@code expectedVersion}: the referral's changed columns and
     * version + 1, its timeline entry ({@code sequence} = the new version) and its outbox rows.
     *
     * @return false, with nothing written, when the referral is no longer at {@code expectedVersion}
     */
    public static Uni<Boolean> transition(SqlClient client, ReferralEntity r, long expectedVersion, OutboxEvent event,
                                          String actor, List<OutboxEvent> outbox) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("with ");
        appendUpdate(sql, params, r, expectedVersion, "");
        int sequence = Math.toIntExact(expectedVersion + 1);
        TransitionRows.appendRows(sql, params, "written", event, sequence, actor, outbox);
        return client.preparedQuery(sql.toString()).execute(params.tuple()).map(result -> {
            boolean won = result.rowCount() > 0;
            if (won) {
                r.version = expectedVersion + 1;
            }
            return won;
        });
    }

    /**
     * Schedules a referral on a reserved slot in <em>one</em> statement, without a transaction around
     * it: holds a slot of the session the referral names ({@code reservedSessionDate}/{@code Period},
     * in its receiving department; the same conditional update as ever, so concurrent schedules cannot
     * overbook), writes the transition decided on {@code expectedVersion} only if the slot was held,
     * and announces the booking. Should the referral have moved on meanwhile, the statement fails with
     * SQLSTATE 40001 and nothing stays written, the hold included ({@code V5__slot_schedule_in_one_statement.sql}).
     *
     * @return true when the slot is held and the transition written; false, with nothing written,
     *         when the session has no reserved slot left
     */
    public static Uni<Boolean> scheduleOnSlot(SqlClient client, ReferralEntity r, long expectedVersion, OutboxEvent event,
                                              String actor, SlotBooking booking) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("with hold as (update reserved_slot_pool set held = held + 1")
                .append(" where institution_id = ").append(params.add(r.receiverInstitutionId))
                .append(" and department_id = ").append(params.add(r.receiverDepartmentId))
                .append(" and session_date = ").append(params.add(r.reservedSessionDate))
                .append(" and period = ").append(params.add(r.reservedSessionPeriod))
                .append(" and held < reserved - released_to_public returning expert), ");
        appendUpdate(sql, params, r, expectedVersion, " and exists (select 1 from hold)");
        TransitionRows.appendTimeline(sql, params, "written", event, Math.toIntExact(expectedVersion + 1), actor);
        sql.append(", announced as (");
        TransitionRows.appendOutboxInsert(sql);
        sql.append(' ');
        TransitionRows.appendOutboxRow(sql, params, event, params.add(event.payload()) + "::text", "written");
        // Which announcement applies depends on the session held: known in the statement, not before it.
        OutboxEvent booked = booking.inExpertSession();
        String payload = "case when hold.expert then " + params.add(booked.payload())
                + "::text else " + params.add(booking.payloadInOtherSession()) + "::text end";
        sql.append(" union all ");
        TransitionRows.appendOutboxRow(sql, params, booked, payload, "written cross join hold");
        sql.append(") select exists (select 1 from hold) as held, referral_schedule_written(")
                .append(params.add(r.id)).append("::text, exists (select 1 from hold), exists (select 1 from written))")
                .append(" as scheduled");
        return client.preparedQuery(sql.toString()).execute(params.tuple()).map(result -> {
            boolean scheduled = result.iterator().next().getBoolean("scheduled");
            if (scheduled) {
                r.version = expectedVersion + 1;
            }
            return scheduled;
        });
    }

    // written as (update referral set …, version + 1 where id = … and version = …<condition> returning id)
    private static void appendUpdate(StringBuilder sql, SqlParams params, ReferralEntity r, long expectedVersion,
                                     String condition) {
        sql.append("written as (update referral set version = version + 1")
                .append(", status = ").append(params.add(r.status.name()))
                .append(", updated_at = ").append(params.add(r.updatedAt))
                .append(", course_summary = ").append(params.add(r.courseSummary))
                .append(", treatment_plan = ").append(params.add(r.treatmentPlan))
                .append(", rehabilitation_guidance = ").append(params.add(r.rehabilitationGuidance))
                .append(", rejection_code = ").append(params.add(r.rejectionCode))
                .append(", rejection_reason = ").append(params.add(r.rejectionReason))
                .append(", onward_institution_id = ").append(params.add(r.onwardInstitutionId))
                .append(", reservation_kind = ").append(params.add(r.reservationKind))
                .append(", reservation_id = ").append(params.add(r.reservationId))
                .append(", appointment_at = ").append(params.add(r.appointmentAt))
                .append(", reserved_session_date = ").append(params.add(r.reservedSessionDate))
                .append(", reserved_session_period = ").append(params.add(r.reservedSessionPeriod))
                .append(", outcome = ").append(params.add(r.outcome))
                .append(", discharge_summary_ref = ").append(params.add(r.dischargeSummaryRef))
                .append(" where id = ").append(params.add(r.id))
                .append(" and version = ").append(params.add(expectedVersion)).append(condition).append(" returning id)");
    }

    private static ReferralEntity entity(Row row) {
        ReferralEntity r = new ReferralEntity();
        r.id = row.getString("id");
        r.episodeId = row.getString("episode_id");
        r.status = ReferralStatus.valueOf(row.getString("status"));
        r.version = row.getLong("version");
        r.reviewRequired = row.getBoolean("review_required");
        r.direction = ReferralDirection.valueOf(row.getString("direction"));
        r.urgency = Urgency.valueOf(row.getString("urgency"));
        r.senderInstitutionId = row.getString("sender_institution_id");
        r.senderDepartmentId = row.getString("sender_department_id");
        r.senderDivision = row.getString("sender_division");
        r.receiverInstitutionId = row.getString("receiver_institution_id");
        r.receiverDepartmentId = row.getString("receiver_department_id");
        r.receiverDivision = row.getString("receiver_division");
        r.patientPseudonym = row.getString("patient_pseudonym");
        r.diagnosis = row.getString("diagnosis");
        r.reason = row.getString("reason");
        r.criteria = row.getString("criteria");
        r.flags = row.getString("flags");
        r.attachmentRefs = row.getString("attachment_refs");
        r.courseSummary = row.getString("course_summary");
        r.treatmentPlan = row.getString("treatment_plan");
        r.rehabilitationGuidance = row.getString("rehabilitation_guidance");
        r.rejectionCode = row.getString("rejection_code");
        r.rejectionReason = row.getString("rejection_reason");
        r.onwardInstitutionId = row.getString("onward_institution_id");
        r.reservationKind = row.getString("reservation_kind");
        r.reservationId = row.getString("reservation_id");
        r.appointmentAt = SqlParams.instant(row.getOffsetDateTime("appointment_at"));
        r.reservedSessionDate = row.getLocalDate("reserved_session_date");
        r.reservedSessionPeriod = row.getString("reserved_session_period");
        r.outcome = row.getString("outcome");
        r.dischargeSummaryRef = row.getString("discharge_summary_ref");
        r.requestedAt = SqlParams.instant(row.getOffsetDateTime("requested_at"));
        r.updatedAt = SqlParams.instant(row.getOffsetDateTime("updated_at"));
        return r;
    }
}
