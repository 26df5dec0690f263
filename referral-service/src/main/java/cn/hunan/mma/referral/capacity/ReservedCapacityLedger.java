package cn.hunan.mma.referral.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import cn.hunan.mma.referral.config.ReferralSettings;
import cn.hunan.mma.referral.domain.InstitutionProfile;
import cn.hunan.mma.referral.domain.ReservedShare;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.service.ReservedCapacity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Derives each receiving department's reserved referral slots and beds from the hospitals'
 * capacity reports: a published session adds its reserved share (the hospital's own figure, or the
 * city's share of an expert session's slots when that is more); a bed report sets the ward's
 * reserved beds the same way unless a later report already did (and announces the pool's new state,
 * {@code ReservedBedsReported}, through the outbox: the city's share may exceed what the hospital
 * reported); slots the hospital withdraws from the referral channel shrink the
 * session's pool, but never below what is already held or released to the public: a held slot
 * stays the patient's while the referral is scheduled (arrival uses it up), and the part of a withdrawal that could not
 * be taken off waits ({@code withdrawn_pending}) until a cancel or no-show gives a held slot back, which then leaves the
 * pool instead of becoming free ({@link ReservedCapacity#release}), or until a publication adds slots to the session,
 * which pay it off before any of them is free; withdrawn before the session's publication arrives,
 * they wait for it. A corrected slot event is not applied, as in navigation's view. Bookings and releases on the topic are not
 * applied: the holds this service makes are its own bookkeeping (and the announcements it
 * publishes come back here).
 * Each event is applied once: its id is recorded in the same transaction as its effect.
 */
@ApplicationScoped
public class ReservedCapacityLedger {

    private final Mutiny.SessionFactory sessions;
    private final MatrixView matrix;
    private final ReservedShare share;

    public ReservedCapacityLedger(Mutiny.SessionFactory sessions, MatrixView matrix, ReferralSettings settings) {
        this.sessions = sessions;
        this.matrix = matrix;
        this.share = settings.share();
    }

    public Uni<Void> apply(CapacityEvent event) {
        if (!(event instanceof SlotsPublished) && !(event instanceof BedStatusReported)
                && !(event instanceof SlotsCancelled cancelled && cancelled.channel() == SlotChannel.REFERRAL)) {
            return Uni.createFrom().voidItem();
        }
        if (event.correctsEventId() != null && !(event instanceof BedStatusReported)) {
            // A corrected slot event is not applied, as navigation's live view does not apply it: applied as one more
            // delta, a corrected publication added its referral slots a second time (4 real slots became 9 schedulable,
            // before 2026-11-25 (4), helper-66), and the pool must not promise slots the view does not show.
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction(session -> session
                .createNativeQuery("insert into capacity_event_applied (event_id) values (:id) on conflict do nothing")
                .setParameter("id", event.eventId().asUuid())
                .executeUpdate()
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem() : applyNew(session, event)));
    }

    private Uni<Void> applyNew(Mutiny.Session session, CapacityEvent event) {
        if (event instanceof SlotsPublished published) {
            int reserved = share.reservedFor(published.totalCount(), published.reservedForReferralCount(),
                    published.session().expert(), divisionOf(published.institutionId()));
            // A withdrawal that arrived first is taken off now (never below what is held or released). So is the part of
            // one still pending on held slots (V7), from the slots this publication adds: a publication adds to the
            // session, as navigation counts it, and the hospital's withdrawal is owed first. Before 2026-11-25 (8) the
            // added slots were all free while the withdrawal waited for a held slot to come back: the pool showed more
            // free than navigation (published - withdrawn - booked), and scheduling them overbooked the session.
            // (withdrawn_before_published is set only on an unpublished row, withdrawn_pending only on a published
            // one: at most one of the two is taken off.)
            return session.createNativeQuery("insert into reserved_slot_pool"
                            + " (institution_id, department_id, session_date, period, expert, reserved)"
                            + " values (:institution, :department, :date, :period, :expert, :reserved)"
                            + " on conflict (institution_id, department_id, session_date, period)"
                            + " do update set reserved = greatest(reserved_slot_pool.held + reserved_slot_pool.released_to_public,"
                            + " reserved_slot_pool.reserved + excluded.reserved - reserved_slot_pool.withdrawn_before_published"
                            + " - least(reserved_slot_pool.withdrawn_pending, excluded.reserved)),"
                            + " withdrawn_pending = reserved_slot_pool.withdrawn_pending"
                            + " - least(reserved_slot_pool.withdrawn_pending, excluded.reserved),"
                            + " withdrawn_before_published = 0, published = true, expert = excluded.expert")
                    .setParameter("institution", published.institutionId().value())
                    .setParameter("department", published.session().departmentId().value())
                    .setParameter("date", published.session().date())
                    .setParameter("period", published.session().period().name())
                    .setParameter("expert", published.session().expert())
                    .setParameter("reserved", reserved)
                    .executeUpdate().replaceWithVoid();
        }
        if (event instanceof SlotsCancelled cancelled) {
            // Before the session's publication (events arrive out of order) the withdrawal waits for it; it was lost
            // before 2026-11-25 (4), the update finding no row.
            return session.createNativeQuery("insert into reserved_slot_pool (institution_id, department_id, session_date,"
                            + " period, expert, reserved, published, withdrawn_before_published)"
                            + " values (:institution, :department, :date, :period, false, 0, false, :count)"
                            + " on conflict (institution_id, department_id, session_date, period) do update set"
                            + " reserved = case when reserved_slot_pool.published then greatest(reserved_slot_pool.held"
                            + " + reserved_slot_pool.released_to_public, reserved_slot_pool.reserved - :count)"
                            + " else reserved_slot_pool.reserved end,"
                            + " withdrawn_before_published = reserved_slot_pool.withdrawn_before_published"
                            + " + case when reserved_slot_pool.published then 0 else :count end,"
                            // What could not come off the free slots waits for a held one to come back (V7): before,
                            // it was forgotten, and a cancelled referral's slot became schedulable again.
                            + " withdrawn_pending = case when reserved_slot_pool.published then least(reserved_slot_pool.held,"
                            + " reserved_slot_pool.withdrawn_pending + greatest(0, :count - (reserved_slot_pool.reserved"
                            + " - reserved_slot_pool.held - reserved_slot_pool.released_to_public)))"
                            + " else reserved_slot_pool.withdrawn_pending end")
                    .setParameter("count", cancelled.count())
                    .setParameter("institution", cancelled.institutionId().value())
                    .setParameter("department", cancelled.session().departmentId().value())
                    .setParameter("date", cancelled.session().date())
                    .setParameter("period", cancelled.session().period().name())
                    .executeUpdate().replaceWithVoid();
        }
        BedStatusReported beds = (BedStatusReported) event;
        int reserved = share.reservedFor(beds.total(), beds.reserved(), true, divisionOf(beds.institutionId()));
        // A report older than the one that set the pool changes nothing and announces nothing (no row returned).
        return session.createNativeQuery("insert into reserved_bed_pool (institution_id, department_id, reserved, reported_at)"
                        + " values (:institution, :department, :reserved, :reportedAt)"
                        + " on conflict (institution_id, department_id) do update"
                        + " set reserved = excluded.reserved, reported_at = excluded.reported_at"
                        + " where reserved_bed_pool.reported_at is null or reserved_bed_pool.reported_at <= excluded.reported_at"
                        + " returning held", Integer.class)
                .setParameter("institution", beds.institutionId().value())
                .setParameter("department", beds.departmentId().value())
                .setParameter("reserved", reserved)
                .setParameter("reportedAt", beds.occurredAt())
                .getResultList()
                .chain(held -> held.isEmpty() ? Uni.createFrom().voidItem()
                        : session.persist(OutboxEventEntity.of(ReservedCapacity.bedPoolState(beds.institutionId(),
                                beds.departmentId(), reserved, held.get(0)))));
    }

    // A hospital may report capacity before the matrix knows it: the default share applies then.
    private DivisionCode divisionOf(InstitutionId institution) {
        return matrix.institution(institution).map(InstitutionProfile::division).orElse(null);
    }
}
