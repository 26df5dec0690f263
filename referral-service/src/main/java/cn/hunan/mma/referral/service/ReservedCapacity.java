package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import cn.hunan.mma.referral.domain.Referral;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import cn.hunan.mma.referral.persistence.ReferralRows;
import cn.hunan.mma.referral.persistence.SlotBooking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Holds and releases reserved referral capacity with the referral's own write. A hold is one
 * conditional update (free capacity left, else nothing), so concurrent schedules on the last slot
 * cannot both win; it commits or rolls back with the referral's own write — a bed's inside the
 * caller's transaction, a slot's inside the schedule's single statement ({@link #slotBooking}). Every change is
 * announced on the capacity topic through the outbox so navigation shows it — a slot as a delta on
 * the REFERRAL channel, a bed as the pool's new state — and the caller writes the returned
 * announcement with the transition's own outbox rows, in the same statement.
 */
@ApplicationScoped
public class ReservedCapacity {

    private static final String HOLD_BED = "update reserved_bed_pool set held = held + 1"
            + " where institution_id = $1 and department_id = $2 and held < reserved returning reserved, held";
    private static final String RELEASE_BED = "update reserved_bed_pool set held = held - 1"
            + " where institution_id = $1 and department_id = $2 and held > 0 returning reserved, held";
    // A slot the hospital withdrew while it was held (withdrawn_pending, V7) leaves the pool as it comes back.
    private static final String RELEASE_SLOT = "update reserved_slot_pool set held = held - 1,"
            + " reserved = reserved - least(withdrawn_pending, 1), withdrawn_pending = withdrawn_pending - least(withdrawn_pending, 1)"
            + " where institution_id = $1 and department_id = $2 and session_date = $3 and period = $4 and held > 0"
            + " returning expert";

    /**
     * Holds a reserved bed for a referral, in the caller's transaction.
     *
     * @param decidedOn the referral as the schedule was decided on, for what a refusal lists instead
     * @return the announcement for the outbox: the bed pool's new state ({@code ReservedBedsReported})
     * @throws ReferralRefusedException (409) when the ward has no reserved bed left
     */
    public Uni<Optional<OutboxEvent>> holdBed(SqlClient client, ReferralEntity referral, Referral decidedOn) {
        String institution = referral.receiver().institutionId().value();
        String department = referral.receiver().departmentId().value();
        return client.preparedQuery(HOLD_BED).execute(Tuple.of(institution, department)).map(held -> {
            Optional<OutboxEvent> announcement = bedPool(referral, held);
            if (announcement.isEmpty()) {
                throw noneLeft(decidedOn, "reserved beds of " + institution + "/" + department);
            }
            return announcement;
        });
    }

    /**
     * The announcement of the reserved slot a schedule holds in its own statement
     * ({@link ReferralRows#scheduleOnSlot}): {@code SlotsBooked} on the REFERRAL channel. Records on
     * the referral which session it is in: the statement holds a slot there, and a cancellation
     * gives it back there.
     */
    public SlotBooking slotBooking(ReferralEntity referral, SlotChoice session) {
        referral.holdsSlotIn(session.date(), session.period().name());
        EventId eventId = EventId.random();
        Instant at = ReferralService.now();
        return new SlotBooking(announceBooking(referral, session, true, eventId, at),
                announceBooking(referral, session, false, eventId, at).payload());
    }

    private static OutboxEvent announceBooking(ReferralEntity referral, SlotChoice session, boolean expert, EventId eventId,
                                               Instant at) {
        return ContractOutboxEvents.of(Topics.CAPACITY, new SlotsBooked(eventId, at, referral.receiver().institutionId(),
                new ClinicSession(referral.receiver().departmentId(), session.date(), session.period(), expert),
                SlotChannel.REFERRAL, 1, null));
    }

    /**
     * 409: the department has no reserved slot left in the session asked for.
     *
     * @param decidedOn the referral as the schedule was decided on (the entity has already recorded the transition)
     */
    public static ReferralRefusedException noSlotLeft(Referral decidedOn, SlotChoice session) {
        return noneLeft(decidedOn, "reserved slots of " + decidedOn.receiver().institutionId().value() + "/"
                + decidedOn.receiver().departmentId().value() + " on " + session.date() + " " + session.period());
    }

    /**
     * Gives a cancelled or missed referral's slot or bed back to the referral pool. A slot the hospital
     * withdrew while this referral held it is taken off the pool instead; it is announced all the same
     * as {@code SlotsReleased} on the REFERRAL channel, because navigation counts that channel as published
     * less booked and already took the withdrawal off published: the release ends the booking there and opens
     * nothing (never on PUBLIC).
     *
     * @return the announcement for the outbox (none when nothing was held)
     */
    public Uni<Optional<OutboxEvent>> release(SqlClient client, ReferralEntity referral) {
        if (referral.reservationKind() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String institution = referral.receiver().institutionId().value();
        String department = referral.receiver().departmentId().value();
        if (ReservationKind.valueOf(referral.reservationKind()) == ReservationKind.BED) {
            return client.preparedQuery(RELEASE_BED).execute(Tuple.of(institution, department))
                    .map(released -> bedPool(referral, released));
        }
        LocalDate date = referral.reservedSessionDate();
        SessionPeriod period = SessionPeriod.valueOf(referral.reservedSessionPeriod());
        return client.preparedQuery(RELEASE_SLOT).execute(Tuple.of(institution, department, date, period.name()))
                .map(released -> expert(released).map(expert -> announceRelease(referral,
                        new ClinicSession(referral.receiver().departmentId(), date, period, expert))));
    }

    // The one pool row a hold or release changed (its session's expert flag), or none.
    private static Optional<Boolean> expert(RowSet<Row> changed) {
        var rows = changed.iterator();
        return rows.hasNext() ? Optional.of(rows.next().getBoolean("expert")) : Optional.empty();
    }

    // The bed pool row a hold or release changed, as the state navigation shows; none if no row changed.
    private static Optional<OutboxEvent> bedPool(ReferralEntity referral, RowSet<Row> changed) {
        var rows = changed.iterator();
        if (!rows.hasNext()) {
            return Optional.empty();
        }
        Row pool = rows.next();
        return Optional.of(bedPoolState(referral.receiver().institutionId(), referral.receiver().departmentId(),
                pool.getInteger("reserved"), pool.getInteger("held")));
    }

    /** A ward's referral bed pool as it now stands, for the outbox: after a hold or release, or a bed report that set it. */
    public static OutboxEvent bedPoolState(InstitutionId institution, DepartmentId department, int reserved, int held) {
        return ContractOutboxEvents.of(Topics.CAPACITY, new ReservedBedsReported(EventId.random(), ReferralService.now(),
                institution, department, reserved, held, null));
    }

    private static OutboxEvent announceRelease(ReferralEntity referral, ClinicSession clinic) {
        return ContractOutboxEvents.of(Topics.CAPACITY, new SlotsReleased(EventId.random(), ReferralService.now(),
                referral.receiver().institutionId(), clinic, SlotChannel.REFERRAL, 1, null));
    }

    private static ReferralRefusedException noneLeft(Referral decidedOn, String what) {
        return new ReferralRefusedException(decidedOn.noReservedCapacity(what));
    }
}
