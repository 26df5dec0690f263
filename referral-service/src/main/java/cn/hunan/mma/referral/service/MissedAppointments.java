package cn.hunan.mma.referral.service;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * again in that look.
 */
@ApplicationScoped
public class MissedAppointments {

    /** Who recorded the no-show, on the referral's timeline (the event itself names no actor, whoever records it). */
    public static final String ACTOR = "platform:no-show-after-grace";

    private static final Logger LOG = Logger.getLogger(MissedAppointments.class);
    // scheduled_appointment_at is the appointment while the referral is SCHEDULED, null otherwise (V8): read through
    // its index, referral_scheduled_appointment, in the index's order, where status = 'SCHEDULED' was a sequential scan.
    static final String OVERDUE = "select id, scheduled_appointment_at from referral"
            + " where scheduled_appointment_at < $1 and (scheduled_appointment_at, id) > ($2, $3)"
            + " order by scheduled_appointment_at, id limit $4";

    private final Pool pool;
    private final ReferralService referrals;
    private final ReferralSettings settings;
    private final NoShowRule rule;
    private final Clock clock;

    public MissedAppointments(Pool pool, ReferralService referrals, ReferralSettings settings, Clock clock) {
        this.pool = pool;
        this.referrals = referrals;
        this.settings = settings;
        this.rule = settings.noShowRule(); // refuses a setting the job cannot run on, at startup (start below)
        this.clock = clock;
    }

    void start(@Observes StartupEvent started, PeriodicJobs jobs) {
        jobs.every(settings.noShowCheckInterval(), "recording no-shows past the grace period", () -> recordDue().invoke(recorded -> {
            if (recorded > 0) {
                LOG.infof("recorded %d no-show(s) of referrals more than %s past their appointment", recorded,
                        rule.grace());
            }
        }));
    }

    /** Records the no-show of every SCHEDULED referral whose appointment is past the grace period; how many it recorded. */
    public Uni<Integer> recordDue() {
        Instant cutoff = clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(rule.grace());
        return fromBatch(cutoff, new Overdue("", Instant.EPOCH), 0);
    }

    private Uni<Integer> fromBatch(Instant cutoff, Overdue after, int recordedSoFar) {
        return overdue(cutoff, after).chain(batch -> Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(referral -> referrals.recordMissedAppointment(referral.id(), ACTOR, rule.lockTimeout())
                        // One referral that cannot be recorded (a fault of its own, an outage) must not hold back the
                        // ones behind it for good: oldest first, it would stop every run at the same place.
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf(failure, "no-show of referral %s not recorded; tried again at the next check", referral.id());
                            return false;
                        }))
                .filter(Boolean::booleanValue).collect().with(Collectors.counting())
                .chain(recorded -> {
                    int total = recordedSoFar + recorded.intValue();
                    return batch.size() < rule.batchSize() ? Uni.createFrom().item(total)
                            : fromBatch(cutoff, batch.get(batch.size() - 1), total);
                }));
    }

    private Uni<List<Overdue>> overdue(Instant cutoff, Overdue after) {
        return pool.preparedQuery(OVERDUE).execute(Tuple.of(utc(cutoff), utc(after.appointmentAt()), after.id(),
                rule.batchSize())).map(rows -> {
                    List<Overdue> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(new Overdue(row.getString("id"), row.getOffsetDateTime("scheduled_appointment_at").toInstant()));
                    }
                    return batch;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Overdue(String id, Instant appointmentAt) {
    }
}
