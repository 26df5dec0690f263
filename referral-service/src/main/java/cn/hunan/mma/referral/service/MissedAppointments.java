package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.platform.messaging.PgErrors;
import cn.hunan.mma.referral.config.NoShowRule;
import cn.hunan.mma.referral.config.ReferralSettings;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Held slots and beds come back when a referral is closed, and only the receiver closed a scheduled one (arrive,
 * no-show, cancel): one it never closed held its slot or bed for good. Every {@code mma.referral.no-show-check-interval}
 * this job records the no-show of each SCHEDULED referral whose appointment lies more than
 * {@code mma.referral.no-show-grace} behind the service's {@link Clock} (exactly the grace is not yet more: before
 * 2026-11-25 (7) the look took it), through the receiver's own no-show path
 * ({@link ReferralService#recordMissedAppointment}: one transaction per referral). Overdue referrals are read in
 * batches of {@code mma.referral.no-show-batch-size}, oldest appointment first, each batch after the last one's
 * (appointment, id), so a referral skipped in a look (another instance has it, or the receiver closed it) is not read
 * again in that look. A row lock held by a stuck session costs a look one lock timeout per locked pool row, not one
 * per referral behind it (since 2026-11-25 (8)): the look passes by the further referrals giving back to that row, and
 * a look that ends early anyway (the job's timeout) is resumed where it ended.
 */
@ApplicationScoped
public class MissedAppointments {

    /** Who recorded the no-show, on the referral's timeline (the event itself names no actor, whoever records it). */
    public static final String ACTOR = "platform:no-show-after-grace";

    private static final Logger LOG = Logger.getLogger(MissedAppointments.class);
    // scheduled_appointment_at is the appointment while the referral is SCHEDULED, null otherwise (V8): read through
    // its index, referral_scheduled_appointment, in the index's order, where status = 'SCHEDULED' was a sequential scan.
    // With each one, the pool row its no-show gives back to (heap columns, not the index's: a batch's few rows).
    static final String OVERDUE = "select id, scheduled_appointment_at, reservation_kind, receiver_institution_id,"
            + " receiver_department_id, reserved_session_date, reserved_session_period from referral"
            + " where scheduled_appointment_at < $1 and (scheduled_appointment_at, id) > ($2, $3)"
            + " order by scheduled_appointment_at, id limit $4";

    private static final Overdue OLDEST = new Overdue("", Instant.EPOCH, "");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Pool pool;
    private final ReferralService referrals;
    private final ReferralSettings settings;
    private final NoShowRule rule;
    private final Clock clock;
    /** Where the next look starts: after the referral the last look ended on, or the oldest once one reached the last. */
    private final AtomicReference<Overdue> resumeAfter = new AtomicReference<>(OLDEST);

    public MissedAppointments(Pool pool, ReferralService referrals, ReferralSettings settings, Clock clock) {
        this.pool = pool;
        this.referrals = referrals;
        this.settings = settings;
        this.rule = settings.noShowRule(); // refuses a setting the job cannot run on, at startup (start below)
        this.clock = clock;
    }

    void start(@Observes StartupEvent started, PeriodicJobs jobs) {
        jobs.every("mma.referral.no-show-check-interval", settings.noShowCheckInterval(),
                "recording no-shows past the grace period", () -> recordDue().invoke(recorded -> {
                    if (recorded > 0) {
                        LOG.infof("recorded %d no-show(s) of referrals more than %s past their appointment", recorded,
                                rule.grace());
                    }
                }));
    }

    /**
     * Records the no-show of every SCHEDULED referral whose appointment is past the grace period; how many it recorded.
     * Starts after the referral the previous look was on when it ended without reaching the last overdue referral (it
     * timed out, or a read failed), and from the oldest once a look has reached the last: a look that keeps timing out
     * at the same place would otherwise never reach the referrals behind it.
     */
    public Uni<Integer> recordDue() {
        return recordDue(rule.lockTimeout());
    }

    /**
     * As {@link #recordDue()}, each no-show waiting at most {@code lockTimeout} for a row lock instead of
     * {@code mma.referral.no-show-lock-timeout}: tests meet a stuck session in less than the default's 30 s.
     */
    public Uni<Integer> recordDue(Duration lockTimeout) {
        Instant cutoff = clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(rule.grace());
        return fromBatch(new Look(cutoff, lockTimeout, new HashSet<>()), resumeAfter.get(), 0);
    }

    private Uni<Integer> fromBatch(Look look, Overdue after, int recordedSoFar) {
        return overdue(look.cutoff(), after).chain(batch -> Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(referral -> record(look, referral))
                .filter(Boolean::booleanValue).collect().with(Collectors.counting())
                .chain(recorded -> {
                    int total = recordedSoFar + recorded.intValue();
                    if (batch.size() < rule.batchSize()) {
                        resumeAfter.set(OLDEST); // reached the last: the next look starts from the oldest again
                        return Uni.createFrom().item(total);
                    }
                    return fromBatch(look, batch.get(batch.size() - 1), total);
                }));
    }

    private Uni<Boolean> record(Look look, Overdue referral) {
        resumeAfter.set(referral); // a look ended on this referral (timed out waiting for it) resumes after it
        if (look.lockedRows().contains(referral.capacityRow())) {
            LOG.debugf("no-show of referral %s passed by in this look: %s was found locked", referral.id(),
                    referral.capacityRow());
            return Uni.createFrom().item(false);
        }
        return referrals.recordMissedAppointment(referral.id(), ACTOR, look.lockTimeout())
                // One referral that cannot be recorded (a fault of its own, an outage) must not hold back the
                // ones behind it for good: oldest first, it would stop every run at the same place.
                .onFailure().recoverWithItem(failure -> {
                    if (waitedOutTheLockTimeout(failure)) {
                        // A stuck session holds the row; each further referral giving back to it would wait the whole
                        // lock timeout too, and a few such waits use up the run (job-timeout) before referrals at
                        // other wards are reached. Passed by until the next look.
                        look.lockedRows().add(referral.capacityRow());
                        LOG.warnf("no-show of referral %s not recorded: a row it needs stayed locked for %s"
                                + " (mma.referral.no-show-lock-timeout); %s is passed by for the rest of this look,"
                                + " its referrals tried again at the next", referral.id(), look.lockTimeout(),
                                referral.capacityRow());
                    } else {
                        LOG.warnf(failure, "no-show of referral %s not recorded; tried again at the next check", referral.id());
                    }
                    return false;
                });
    }

    // PostgreSQL's lock_not_available: the transaction's lock_timeout ran out (ReferralService.recordMissedAppointment).
    private static boolean waitedOutTheLockTimeout(Throwable failure) {
        return PgErrors.hasState(failure, LOCK_NOT_AVAILABLE);
    }

    private Uni<List<Overdue>> overdue(Instant cutoff, Overdue after) {
        return pool.preparedQuery(OVERDUE).execute(Tuple.of(utc(cutoff), utc(after.appointmentAt()), after.id(),
                rule.batchSize())).map(rows -> {
                    List<Overdue> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(new Overdue(row.getString("id"), row.getOffsetDateTime("scheduled_appointment_at").toInstant(),
                                capacityRow(row)));
                    }
                    return batch;
                });
    }

    // The pool row the referral's no-show gives its slot or bed back to, which a receiver's transition of any referral
    // there locks too; a referral holding nothing (none is SCHEDULED so) locks its own row alone.
    private static String capacityRow(Row row) {
        String kind = row.getString("reservation_kind");
        String ward = row.getString("receiver_institution_id") + "/" + row.getString("receiver_department_id");
        if (ReservationKind.BED.name().equals(kind)) {
            return "the bed pool of " + ward;
        }
        if (ReservationKind.SLOT.name().equals(kind)) {
            return "the slot pool of " + ward + " " + row.getLocalDate("reserved_session_date") + " "
                    + row.getString("reserved_session_period");
        }
        return "referral " + row.getString("id");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** An overdue referral: its place in the look's order, and the capacity row its no-show waits for. */
    private record Overdue(String id, Instant appointmentAt, String capacityRow) {
    }

    /** One look: its cutoff, its lock timeout, and the capacity rows found locked, whose further referrals it passes by. */
    private record Look(Instant cutoff, Duration lockTimeout, Set<String> lockedRows) {
    }
}
