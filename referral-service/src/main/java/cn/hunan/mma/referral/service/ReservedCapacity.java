package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import cn.hunan.mma.referral.domain.Refusal;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Holds and releases reserved referral capacity inside the caller's transaction. A hold is one
 * conditional update (free capacity left, else nothing), so concurrent schedules on the last slot
 * cannot both win; every slot change is announced on the capacity topic (channel REFERRAL) through
 * the outbox so navigation shows it: the caller writes the returned announcement with the
 * transition's own outbox rows, in the same statement.
 */
@ApplicationScoped
public class ReservedCapacity {

    /**
     * @return the slot's announcement for the outbox (none for a bed)
     * @throws ReferralRefusedException (409) when the department has no reserved capacity left there
     */
    public Uni<Optional<OutboxEvent>> hold(Mutiny.Session session, ReferralEntity referral, ReservationKind kind, LocalDate date,
                          SessionPeriod period) {
        String institution = referral.receiver().institutionId().value();
        String department = referral.receiver().departmentId().value();
        if (kind == ReservationKind.BED) {
            return session.createNativeQuery("update reserved_bed_pool set held = held + 1"
                            + " where institution_id = :institution and department_id = :department and held < reserved")
                    .setParameter("institution", institution).setParameter("department", department)
                    .executeUpdate()
                    .invoke(updated -> requireHeld(updated > 0, "reserved beds of " + institution + "/" + department))
                    .replaceWith(Optional.empty());
        }
        return session.createNativeQuery("update reserved_slot_pool set held = held + 1"
                                + " where institution_id = :institution and department_id = :department"
                                + " and session_date = :date and period = :period and held < reserved - released_to_public"
                                + " returning expert", Boolean.class)
                .setParameter("institution", institution).setParameter("department", department)
                .setParameter("date", date).setParameter("period", period.name())
                .getResultList()
                .map(expert -> {
                    requireHeld(!expert.isEmpty(), "reserved slots of " + institution + "/" + department + " on "
                            + date + " " + period);
                    referral.holdsSlotIn(date, period.name());
                    ClinicSession clinic = new ClinicSession(referral.receiver().departmentId(), date, period, expert.get(0));
                    return Optional.of(ContractOutboxEvents.of(Topics.CAPACITY,
                            new SlotsBooked(EventId.random(), ReferralService.now(), InstitutionId.of(institution),
                                    clinic, SlotChannel.REFERRAL, 1, null)));
                });
    }

    /**
     * Gives a cancelled or missed referral's slot or bed back to the referral pool.
     *
     * @return the slot's announcement for the outbox (none for a bed or when nothing was held)
     */
    public Uni<Optional<OutboxEvent>> release(Mutiny.Session session, ReferralEntity referral) {
        if (referral.reservationKind() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String institution = referral.receiver().institutionId().value();
        String department = referral.receiver().departmentId().value();
        if (ReservationKind.valueOf(referral.reservationKind()) == ReservationKind.BED) {
            return session.createNativeQuery("update reserved_bed_pool set held = held - 1"
                            + " where institution_id = :institution and department_id = :department and held > 0")
                    .setParameter("institution", institution).setParameter("department", department)
                    .executeUpdate().replaceWith(Optional.empty());
        }
        LocalDate date = referral.reservedSessionDate();
        SessionPeriod period = SessionPeriod.valueOf(referral.reservedSessionPeriod());
        return session.createNativeQuery("update reserved_slot_pool set held = held - 1"
                                + " where institution_id = :institution and department_id = :department"
                                + " and session_date = :date and period = :period and held > 0 returning expert", Boolean.class)
                .setParameter("institution", institution).setParameter("department", department)
                .setParameter("date", date).setParameter("period", period.name())
                .getResultList()
                .map(expert -> expert.isEmpty() ? Optional.empty() : Optional.of(announceRelease(referral,
                        new ClinicSession(referral.receiver().departmentId(), date, period, expert.get(0)))));
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
