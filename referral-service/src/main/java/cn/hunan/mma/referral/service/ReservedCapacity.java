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
import cn.hunan.mma.referral.domain.Refusal;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Holds and releases reserved referral capacity inside the caller's transaction. A hold is one
 * conditional update (free capacity left, else nothing), so concurrent schedules on the last slot
 * cannot both win; it commits or rolls back with the referral's own write. Every change is
 * announced on the capacity topic through the outbox so navigation shows it — a slot as a delta on
 * the REFERRAL channel, a bed as the pool's new state — and the caller writes the returned
 * announcement with the transition's own outbox rows, in the same statement.
 */
@ApplicationScoped
public class ReservedCapacity {

    private static final String HOLD_BED = "update reserved_bed_pool set held = held + 1"
            + " where institution_id = $1 and department_id = $2 and held < reserved returning reserved, held";
    private static final String HOLD_SLOT = "update reserved_slot_pool set held = held + 1"
            + " where institution_id = $1 and department_id = $2 and session_date = $3 and period = $4"
            + " and held < reserved - released_to_public returning expert";
    private static final String RELEASE_BED = "update reserved_bed_pool set held = held - 1"
            + " where institution_id = $1 and department_id = $2 and held > 0 returning reserved, held";
    private static final String RELEASE_SLOT = "update reserved_slot_pool set held = held - 1"
            + " where institution_id = $1 and department_id = $2 and session_date = $3 and period = $4 and held > 0"
            + " returning expert";

    /**
     * @return the announcement for the outbox: {@code SlotsBooked} for a slot, the bed pool's new
     *         state ({@code ReservedBedsReported}) for a bed
     * @throws ReferralRefusedException (409) when the department has no reserved capacity left there
     */
    public Uni<Optional<OutboxEvent>> hold(SqlClient client, ReferralEntity referral, ReservationKind kind, LocalDate date,
                                           SessionPeriod period) {
        String institution = referral.receiver().institutionId().value();
        String department = referral.receiver().departmentId().value();
        if (kind == ReservationKind.BED) {
            return client.preparedQuery(HOLD_BED).execute(Tuple.of(institution, department)).map(held -> {
                Optional<OutboxEvent> announcement = bedPool(referral, held);
                requireHeld(announcement.isPresent(), "reserved beds of " + institution + "/" + department);
                return announcement;
            });
        }
        return client.preparedQuery(HOLD_SLOT).execute(Tuple.of(institution, department, date, period.name()))
                .map(held -> {
                    Optional<Boolean> expert = expert(held);
                    requireHeld(expert.isPresent(), "reserved slots of " + institution + "/" + department + " on "
                            + date + " " + period);
                    referral.holdsSlotIn(date, period.name());
                    ClinicSession clinic = new ClinicSession(referral.receiver().departmentId(), date, period, expert.get());
                    return Optional.of(ContractOutboxEvents.of(Topics.CAPACITY,
                            new SlotsBooked(EventId.random(), ReferralService.now(), InstitutionId.of(institution),
                                    clinic, SlotChannel.REFERRAL, 1, null)));
                });
    }

    /**
     * Gives a cancelled or missed referral's slot or bed back to the referral pool.
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

    private static void requireHeld(boolean held, String what) {
        if (!held) {
            throw new ReferralRefusedException(new Refusal(Refusal.Kind.NO_RESERVED_CAPACITY,
                    "no " + what + " left to hold for this referral", Set.of()));
        }
    }
}
