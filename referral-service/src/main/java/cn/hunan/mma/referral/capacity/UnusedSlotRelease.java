package cn.hunan.mma.referral.capacity;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import cn.hunan.mma.referral.config.ReferralSettings;
import cn.hunan.mma.referral.service.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Opens unused reserved slots to the public a configurable time before their session (a local
 * rule): every interval, each due session's free referral slots (a session that opens within the
 * lead time and has not begun) move to the public in one update (rows locked, so two instances
 * never release the same slots twice) and a SlotsReleased on the PUBLIC channel says so on the
 * capacity topic.
 */
@ApplicationScoped
public class UnusedSlotRelease {

    private static final Logger LOG = Logger.getLogger(UnusedSlotRelease.class);

    // Session opening times in China Standard Time, as SlotChoice uses them. Only sessions not yet begun: a slot freed
    // by a cancel or no-show after its session began was announced to the public for a session under way or over
    // (before 2026-11-25 (6), helper-80).
    // The session_date bounds follow from the opening's (a session opens on its own day, 08:00 to 18:00 CST): they
    // change no result, and let the job read reserved_slot_pool_session_date (V8) instead of the whole table, which
    // keeps every session ever published (2026-11-25 (8)). Public for PeriodicJobIndexesTest, which checks the plan.
    public static final String RELEASE_DUE = """
            update reserved_slot_pool p set released_to_public = p.released_to_public + due.free
            from (select r.institution_id, r.department_id, r.session_date, r.period,
                         r.reserved - r.released_to_public - r.held as free
                  from reserved_slot_pool r
                  cross join lateral (select (r.session_date + case r.period when 'AM' then time '08:00'
                                                   when 'PM' then time '14:00' else time '18:00' end)
                                             at time zone 'Asia/Shanghai' as opening) s
                  where r.session_date between cast(cast(:now as timestamptz) at time zone 'Asia/Shanghai' as date)
                                           and cast(cast(:cutoff as timestamptz) at time zone 'Asia/Shanghai' as date)
                    and r.reserved - r.released_to_public - r.held > 0
                    and s.opening > :now and s.opening <= :cutoff
                  for update of r skip locked) due
            where p.institution_id = due.institution_id and p.department_id = due.department_id
              and p.session_date = due.session_date and p.period = due.period
            returning p.institution_id, p.department_id, p.session_date, p.period, p.expert, due.free""";

    private final Mutiny.SessionFactory sessions;
    private final ReferralSettings settings;
    private final Clock clock;

    public UnusedSlotRelease(Mutiny.SessionFactory sessions, ReferralSettings settings, Clock clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    void start(@Observes StartupEvent started, PeriodicJobs jobs) {
        jobs.every("mma.referral.release-check-interval", settings.releaseCheckInterval(),
                "releasing unused reserved slots", () -> releaseDue().invoke(released -> {
                    if (released > 0) {
                        LOG.infof("released %d unused reserved slot session(s) to the public", released);
                    }
                }));
    }

    /**
     * Releases every due session's free slots; the number of sessions released. "Now" is the service's {@link Clock}
     * (since 2026-11-25 (7); it was the JVM's {@code Instant.now()}), as for the schedule's checks, so a test can set it.
     */
    public Uni<Integer> releaseDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return sessions.withTransaction(session -> session.createNativeQuery(RELEASE_DUE, Object[].class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("cutoff", now.plus(settings.releaseLeadTime()).atOffset(ZoneOffset.UTC))
                .getResultList()
                .chain(rows -> announce(session, rows, now)));
    }

    private static Uni<Integer> announce(Mutiny.Session session, List<Object[]> rows, Instant now) {
        Object[] outbox = rows.stream().map(row -> OutboxEventEntity.of(ContractOutboxEvents.of(Topics.CAPACITY,
                new SlotsReleased(EventId.random(), now, InstitutionId.of((String) row[0]),
                        new ClinicSession(DepartmentId.of((String) row[1]), toDate(row[2]), SessionPeriod.valueOf((String) row[3]),
                                (Boolean) row[4]),
                        SlotChannel.PUBLIC, ((Number) row[5]).intValue(), SlotChannel.REFERRAL, null)))).toArray();
        return session.persistAll(outbox).replaceWith(rows.size());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
