package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.messaging.PgErrors;
import cn.hunan.mma.platform.security.OutOfScopeException;
import cn.hunan.mma.referral.config.ReferralSettings;
import cn.hunan.mma.referral.domain.Decision;
import cn.hunan.mma.referral.domain.IntakeDecision;
import cn.hunan.mma.referral.domain.Party;
import cn.hunan.mma.referral.domain.ReceivingDepartment;
import cn.hunan.mma.referral.domain.Referral;
import cn.hunan.mma.referral.domain.ReferralApplication;
import cn.hunan.mma.referral.domain.ReferralCommand;
import cn.hunan.mma.referral.domain.ReferralIntake;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.persistence.ClinicalRecordText;
import cn.hunan.mma.referral.persistence.MatrixDepartments;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import cn.hunan.mma.referral.persistence.ReferralRows;
import cn.hunan.mma.referral.persistence.SlotBooking;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.referral.domain.Refusal;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The referral use cases that change state. Each one is atomic: the referral row, its timeline
 * entry and the outbox row of the one event that states the change commit together — one native
 * statement ({@link ReferralRows}); a slot's hold is part of that statement too, while a bed's hold
 * and any release run with it in a transaction. Native SQL on the reactive pool rather than Hibernate Reactive: these are the
 * calls the benchmark drives, and Hibernate's per-call machinery was their largest CPU cost.
 */
@ApplicationScoped
public class ReferralService {

    /** The unique (referral_id, sequence) constraint of the timeline table (V1__referral.sql). */
    private static final String TIMELINE_SEQUENCE_CONSTRAINT = "referral_event_referral_id_sequence_key";
    private static final String SERIALIZATION_FAILURE = "40001";

    private final Pool pool;
    private final MatrixView matrix;
    private final ReferralSettings settings;
    private final ReservedCapacity capacity;
    private final ScheduleTiming timing;
    private final MatrixDepartments departments;

    public ReferralService(Pool pool, MatrixView matrix, ReferralSettings settings, ReservedCapacity capacity,
                           ScheduleTiming timing, MatrixDepartments departments) {
        this.pool = pool;
        this.matrix = matrix;
        this.settings = settings;
        this.capacity = capacity;
        this.timing = timing;
        this.departments = departments;
    }

    /**
     * Only an institution user of the sending institution may refer a patient from it.
     *
     * @param retryable whether the referral's id derives from the client's Idempotency-Key: then a referral stored under
     *                  it is this request made before, answered as it is (or 409 for a different request) before the
     *                  intake assesses anything. Since 2026-11-25 (5): before, a retry was assessed again first, and one
     *                  sent after the receiver was retired answered 422 although its first try had made the referral.
     */
    public Uni<ReferralEntity> request(ReferralApplication application, ClinicalRecordText record, Caller caller,
                                       boolean retryable) {
        boolean sendersOwnUser = caller.scope().institution()
                .filter(application.sender().institutionId().value()::equals).isPresent() && caller.mayChangeAnything();
        if (!sendersOwnUser) {
            return Uni.createFrom().failure(new OutOfScopeException(
                    "only the sending institution's users may refer from " + application.sender().institutionId()));
        }
        if (!retryable) {
            return assessAndInsert(application, record, caller);
        }
        return ReferralRows.find(pool, application.id().value()).chain(earlier -> earlier == null
                ? assessAndInsert(application, record, caller)
                : Uni.createFrom().item(() -> sameRequest(earlier, application, null)));
    }

    private Uni<ReferralEntity> assessAndInsert(ReferralApplication application, ClinicalRecordText record, Caller caller) {
        return departments.receiving(application.receiver())
                .chain(department -> assessAndInsert(application, department, record, caller));
    }

    private Uni<ReferralEntity> assessAndInsert(ReferralApplication application, ReceivingDepartment department,
                                                ClinicalRecordText record, Caller caller) {
        ReferralIntake intake = new ReferralIntake(matrix::institution, matrix, settings.reviewPolicy());
        IntakeDecision decision = intake.assess(application, department, EventId.random(), now());
        if (decision instanceof IntakeDecision.Refused refused) {
            return Uni.createFrom().failure(new ReferralRefusedException(refused.refusal()));
        }
        IntakeDecision.Requested requested = (IntakeDecision.Requested) decision;
        ReferralEntity entity = ReferralEntity.requested(requested.event(), requested.referral().reviewRequired(),
                requested.flags(), division(application.sender().institutionId()),
                division(application.receiver().institutionId()), record);
        OutboxEvent published = ContractOutboxEvents.of(Topics.REFERRALS, requested.event());
        return ReferralRows.insertRequested(pool, entity, published, caller.subject()).replaceWith(entity)
                .onFailure(ReferralService::idTaken).recoverWithUni(taken -> ReferralRows.find(pool, entity.id())
                        .map(existing -> sameRequest(existing, application, taken)));
    }

    /**
     * A referral id derived from the client's Idempotency-Key is taken: the request was made before (a retry after a
     * timeout, found before the intake, or a try racing the first one to the insert) and is answered with the referral
     * it made, nothing written again; a different request under the same key is refused (409) rather than answered with
     * someone else's referral.
     */
    private static ReferralEntity sameRequest(ReferralEntity existing, ReferralApplication application, Throwable taken) {
        if (existing == null) {
            throw new IllegalStateException("referral " + application.id() + " reported taken but not found", taken);
        }
        ReferralParty sender = existing.sender();
        ReferralParty receiver = existing.receiver();
        // Everything the request states but its episode (a new one is drawn for each try of a fresh referral).
        boolean same = sender.equals(application.sender()) && receiver.equals(application.receiver())
                && existing.patientPseudonym().equals(application.patient().value())
                && existing.diagnosis().equals(application.diagnosis().value())
                && existing.reason().equals(application.reason()) && existing.urgency() == application.urgency()
                && Set.copyOf(existing.criteria()).equals(Set.copyOf(application.criteriaMet()))
                && existing.attachmentRefs().equals(application.attachmentRefs());
        if (!same) {
            throw new ReferralRefusedException(Refusal.of(Refusal.Kind.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key: already used for referral " + existing.id() + ", a different request"));
        }
        return existing;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private static boolean idTaken(Throwable failure) {
        return PgErrors.in(failure).filter(database -> UNIQUE_VIOLATION.equals(database.getSqlState())
                && "referral_pkey".equals(database.getConstraint())).isPresent();
    }

    /**
     * Takes one action on a referral.
     *
     * @param expectedVersion the version the caller last saw (its If-Match)
     * @param amendment       clinical text the acting party adds to the shared record with this step
     */
    public Uni<ReferralEntity> act(String referralId, ReferralCommand command, long expectedVersion,
                                   ClinicalRecordText amendment, Optional<SlotChoice> slot, Caller caller) {
        // Read outside any transaction: the write is conditional on the version decided on.
        return ReferralRows.find(pool, referralId)
                .map(found -> decide(visible(found, referralId, caller, matrix), command, expectedVersion, caller, amendment))
                .chain(step -> write(step, command, expectedVersion, amendment, slot, caller))
                .onFailure(ReferralService::lostTheRace)
                .transform(lost -> raceLost(referralId));
    }

    private Uni<ReferralEntity> write(Step step, ReferralCommand command, long expectedVersion,
                                      ClinicalRecordText amendment, Optional<SlotChoice> slot, Caller caller) {
        if (command instanceof ReferralCommand.Schedule schedule) {
            timing.check(schedule, slot); // before anything is held
            if (schedule.kind() == ReservationKind.SLOT) {
                return scheduleOnSlot(step, expectedVersion, amendment, slot, caller);
            }
        }
        return changesCapacity(command, step.entity())
                ? pool.withTransaction(connection -> transition(connection, step, command, expectedVersion, amendment, caller.subject()))
                : transition(pool, step, command, expectedVersion, amendment, caller.subject());
    }

    // The busiest capacity change in one statement, no transaction: the slot's hold, the transition and
    // both announcements (ReferralRows.scheduleOnSlot). A lost race fails it as a whole (SQLSTATE 40001).
    private Uni<ReferralEntity> scheduleOnSlot(Step step, long expectedVersion, ClinicalRecordText amendment,
                                               Optional<SlotChoice> slot, Caller caller) {
        ReferralEntity referral = step.entity();
        SlotChoice session = slot.orElseThrow(() -> new IllegalArgumentException("a SLOT schedule names its session"));
        SlotBooking booking = capacity.slotBooking(referral, session);
        OutboxEvent published = step.record(amendment);
        return ReferralRows.scheduleOnSlot(pool, referral, expectedVersion, published, caller.subject(), booking)
                .map(scheduled -> {
                    if (!scheduled) {
                        throw ReservedCapacity.noSlotLeft(step.decidedOn(), session);
                    }
                    return referral;
                });
    }

    private Uni<ReferralEntity> transition(SqlClient client, Step step, ReferralCommand command, long expectedVersion,
                                           ClinicalRecordText amendment, String actor) {
        return capacityChange(client, step, command).chain(announcement -> {
            OutboxEvent published = step.record(amendment);
            List<OutboxEvent> outbox = announcement
                    .map(capacityEvent -> List.of(capacityEvent, published)).orElse(List.of(published));
            return ReferralRows.transition(client, step.entity(), expectedVersion, published, actor, outbox)
                    .map(won -> {
                        if (!won) {
                            // Thrown inside the transaction (when there is one): the capacity change rolls back too.
                            throw raceLost(step.entity().id());
                        }
                        return step.entity();
                    });
        });
    }

    /**
     * The platform records that the patient of a referral past its appointment's grace period did not come, as the
     * receiver's no-show would: the same decision ({@link Party#PLATFORM} may record it), and in one transaction the
     * held slot or bed given back, the referral row, its timeline entry ({@code actor}) and its event's outbox row,
     * conditional on the version read. A receiver's transition racing it is refused like any lost race (409, or 412
     * once this one has committed), and the loser's release rolls back with it: the capacity is given back once.
     * Job instances skip a referral another one is recording (a transaction-scoped advisory lock, taken without
     * waiting); the referral row itself is not locked first, because every transition locks its capacity row before
     * its referral row, and the other order could deadlock with a receiver's bed transition. The transaction waits
     * at most {@code lockTimeout} for a row lock (SET LOCAL lock_timeout, since 2026-11-25 (7)): a session stuck
     * holding the ward's pool row then fails this referral (tried again at the next look) instead of keeping the job
     * and a pooled connection waiting for good.
     *
     * @return true when the no-show is recorded; false, with nothing written, when another instance is recording it
     *         or the referral is no longer SCHEDULED (the receiver closed it first)
     */
    public Uni<Boolean> recordMissedAppointment(String referralId, String actor, Duration lockTimeout) {
        ReferralCommand noShow = new ReferralCommand.RecordNoShow();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(CLAIM_PREFIX + referralId, String.valueOf(lockTimeout.toMillis())))
                        .chain(claim -> !claim.iterator().next().getBoolean(0) ? Uni.createFrom().item(false)
                                : ReferralRows.find(connection, referralId).chain(found -> {
                                    Referral decidedOn = found.toReferral();
                                    Decision decision = decidedOn.decide(noShow, Set.of(Party.PLATFORM), EventId.random(), now());
                                    if (!(decision instanceof Decision.Transitioned transitioned)) {
                                        return Uni.createFrom().item(false);
                                    }
                                    return transition(connection, new Step(found, decidedOn, transitioned), noShow, found.version(),
                                            ClinicalRecordText.none(), actor).replaceWith(true);
                                })))
                .onFailure(failure -> failure instanceof StaleVersionException || lostTheRace(failure)).recoverWithItem(false);
    }

    // One job instance per referral at a time; released at commit or rollback. A hash collision only skips a referral
    // until the next look. The same statement bounds the transaction's lock waits (set_config(…, true) is SET LOCAL;
    // milliseconds), without another round trip.
    private static final String CLAIM = "select pg_try_advisory_xact_lock(hashtextextended($1, 0)), set_config('lock_timeout', $2, true)";
    private static final String CLAIM_PREFIX = "referral-no-show:";

    private static StaleVersionException raceLost(String referralId) {
        return new StaleVersionException("another transition of referral " + referralId + " committed first; read it again",
                false);
    }

    private static boolean changesCapacity(ReferralCommand command, ReferralEntity referral) {
        return command instanceof ReferralCommand.Schedule || switch (command.action()) {
            case CANCEL, NO_SHOW, REJECT -> referral.reservationKind() != null;
            case ARRIVE -> holdsBed(referral);
            default -> false;
        };
    }

    private static boolean holdsBed(ReferralEntity referral) {
        return ReservationKind.BED.name().equals(referral.reservationKind());
    }

    // Scheduling holds reserved capacity; cancellation, no-show and rejection give back whatever is held.
    // Arrival gives back a held bed: the patient now lies in one of the ward's occupied beds, which the
    // hospital reports, and a bed pool (unlike a session's slots) serves the next referral. A slot is
    // used up by the visit and stays held.
    private Uni<Optional<OutboxEvent>> capacityChange(SqlClient client, Step step, ReferralCommand command) {
        if (command instanceof ReferralCommand.Schedule) {
            return capacity.holdBed(client, step.entity(), step.decidedOn()); // a slot is held by scheduleOnSlot
        }
        return switch (command.action()) {
            case CANCEL, NO_SHOW, REJECT -> capacity.release(client, step.entity());
            case ARRIVE -> holdsBed(step.entity()) ? capacity.release(client, step.entity()) : Uni.createFrom().item(Optional.empty());
            default -> Uni.createFrom().item(Optional.empty());
        };
    }

    /**
     * @param decidedOn the referral as the decision found it: {@link #record} moves the entity on, while a refusal after
     *                  the decision (no reserved capacity left) lists what the state it was in allows instead
     */
    private record Step(ReferralEntity entity, Referral decidedOn, Decision.Transitioned transitioned) {

        /** Records the transition on the referral (status, what its event adds, the clinical amendment); its event for the outbox. */
        OutboxEvent record(ClinicalRecordText amendment) {
            entity.apply(transitioned.referral().status(), transitioned.event());
            entity.amendRecord(amendment);
            return ContractOutboxEvents.of(Topics.REFERRALS, transitioned.event());
        }
    }

    private static Step decide(ReferralEntity referral, ReferralCommand command, long expectedVersion, Caller caller,
                               ClinicalRecordText amendment) {
        String referralId = referral.id();
        if (referral.version() != expectedVersion) {
            throw new StaleVersionException("referral " + referralId + " is at version " + referral.version()
                    + ", not " + expectedVersion, true);
        }
        Set<Party> parties = ReferralAccess.parties(caller, referral);
        if (!caller.mayChangeAnything()) {
            parties = Set.of();
        }
        if (amendment.writesReceiversPart() && !parties.contains(Party.RECEIVER)) {
            // The treatment plan and rehabilitation guidance are the receiving institution's to write, whatever step it
            // comes with: before 2026-11-25 (4) a reviewer's approve or the sender's follow-up could overwrite them.
            throw new OutOfScopeException("referral " + referralId + ": only the receiving institution writes "
                    + "treatmentPlan and rehabilitationGuidance");
        }
        Referral decidedOn = referral.toReferral();
        Decision decision = decidedOn.decide(command, parties, EventId.random(), now());
        if (decision instanceof Decision.Refused refused) {
            throw new ReferralRefusedException(refused.refusal());
        }
        return new Step(referral, decidedOn, (Decision.Transitioned) decision);
    }

    /** 404 when there is no such referral, 403 when it lies outside the caller's scope. */
    static ReferralEntity visible(ReferralEntity found, String referralId, Caller caller, MatrixView matrix) {
        if (found == null) {
            throw new NotFoundException("no referral " + referralId);
        }
        if (!ReferralAccess.maySee(caller, found, matrix::alliancesOf)) {
            throw new OutOfScopeException("referral " + referralId + " is outside the caller's scope");
        }
        return found;
    }

    private DivisionCode division(InstitutionId institution) {
        return matrix.institution(institution).orElseThrow().division();
    }

    private static boolean lostTheRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The versioned update finds the winner's version and writes nothing; should two writes ever
            // meet on the timeline instead, its unique sequence per referral refuses the second.
            if (cause.getMessage() != null && cause.getMessage().contains(TIMELINE_SEQUENCE_CONSTRAINT)) {
                return true;
            }
            // A slot schedule whose referral moved on after its slot was held (V5__slot_schedule_in_one_statement.sql).
            if (cause instanceof PgException database && SERIALIZATION_FAILURE.equals(database.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    // Whole milliseconds: the wire format keeps no finer precision, and the timeline must match the events.
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
