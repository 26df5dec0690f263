package cn.hunan.mma.referral.rest;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.service.MissedAppointments;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session stuck holding capacity rows (idle in transaction) no longer keeps the platform from recording the no-shows
 * behind them. Each no-show giving back to a held row waits the lock timeout, and a run of the job is failed after the
 * job timeout. The defaults, PT30S and PT5M, fit 10 such waits in a run; here 0.5 s and 3 s fit 6 (the test runs the
 * job as {@code PeriodicJobs} does, {@code recordDue} failed after the run's timeout, with the lock timeout given: a
 * test profile of its own would restart Quarkus, and the shared test profile's race tests need the long lock wait).
 * Appointments lie 50 and more days ahead, where no other test schedules; the clock is then set past their grace.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class NoShowsPastAStuckSessionTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(500);
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(3);
    private static final int TIMED_OUT = -1;
    private static final Duration GRACE_AND_A_MINUTE = Duration.ofHours(24).plusMinutes(1);

    @Inject
    MatrixView matrixView;
    @Inject
    MissedAppointments missedAppointments;
    @Inject
    Pool database;

    /**
     * Ward W's bed pool row is held; 8 of its referrals are overdue on day 1, one of ward V on day 2. The first no-show
     * at W waits 0.5 s and fails; the look passes W's other 7 by and records V's within the run. Without that, the 8
     * waits (4 s) outlast the run (3 s) at every run, oldest first, and V's bed stays held as long as the session lives.
     * W's are recorded at the first run after the hold ends.
     */
    @Test
    void a_ward_whose_pool_row_a_stuck_session_holds_does_not_hold_back_the_referrals_of_other_wards() throws Exception {
        BedWard w = new BedWard().publish(matrixView);
        BedWard v = new BedWard().publish(matrixView);
        Instant day1 = dayAhead(50);
        List<String> atW = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            atW.add(w.scheduledBed(day1.plus(Duration.ofMinutes(i))));
        }
        String atV = v.scheduledBed(day1.plus(Duration.ofDays(1)));
        w.heldBedsAre(8);
        v.heldBedsAre(1);
        othersLeftOverdueAreRecordedBefore(day1);

        BedWard.clockAt(day1.plus(Duration.ofDays(1)).plus(GRACE_AND_A_MINUTE));
        try (StuckSession stuck = new StuckSession(database, w)) {
            assertThat(aRunOfTheJob()).isEqualTo(1); // V's; W's first waited out the lock timeout, the rest passed by
            v.statusIs(atV, "NO_SHOW");
            v.heldBedsAre(0);
            atW.forEach(referral -> w.statusIs(referral, "SCHEDULED"));
            w.heldBedsAre(8);
        }

        assertThat(aRunOfTheJob()).isEqualTo(8);
        atW.forEach(referral -> w.statusIs(referral, "NO_SHOW"));
        w.heldBedsAre(0);
    }

    /**
     * One session holds the pool rows of 7 wards, each with one overdue referral (day 1), and V's is overdue on day 2:
     * 7 waits (3.5 s) outlast a run. The first run is failed after 3 s; the next resumes after the referral the first
     * ended on and reaches V's within the run. Without the resume every run starts from the oldest and ends at the same
     * place. Once the hold ends, a run starts from the oldest again (the last one reached the end) and records the 7.
     */
    @Test
    void a_run_failed_after_the_job_timeout_is_resumed_where_it_ended() throws Exception {
        Instant day1 = dayAhead(60);
        List<BedWard> held = new ArrayList<>();
        List<String> heldReferrals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            BedWard ward = new BedWard().publish(matrixView);
            held.add(ward);
            heldReferrals.add(ward.scheduledBed(day1.plus(Duration.ofMinutes(i))));
        }
        BedWard v = new BedWard().publish(matrixView);
        String atV = v.scheduledBed(day1.plus(Duration.ofDays(1)));
        othersLeftOverdueAreRecordedBefore(day1);

        BedWard.clockAt(day1.plus(Duration.ofDays(1)).plus(GRACE_AND_A_MINUTE));
        try (StuckSession stuck = new StuckSession(database, held.toArray(BedWard[]::new))) {
            assertThat(aRunOfTheJob()).isEqualTo(TIMED_OUT);
            v.statusIs(atV, "SCHEDULED");

            assertThat(aRunOfTheJob()).isEqualTo(1);
            v.statusIs(atV, "NO_SHOW");
            v.heldBedsAre(0);
        }

        assertThat(aRunOfTheJob()).isEqualTo(7);
        for (int i = 0; i < held.size(); i++) {
            held.get(i).statusIs(heldReferrals.get(i), "NO_SHOW");
            held.get(i).heldBedsAre(0);
        }
    }

    /** 02:00 UTC (10:00 CST) {@code days} days from today: for a BED appointment no other test's lies near. */
    private static Instant dayAhead(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).atTime(2, 0).toInstant(ZoneOffset.UTC);
    }

    /**
     * Referrals other tests left SCHEDULED lie before {@code firstAppointment}: a look at the clock where the first of
     * this test's is exactly the grace past (not yet overdue) records them, without a timeout, so that the runs below
     * meet this test's alone.
     */
    private void othersLeftOverdueAreRecordedBefore(Instant firstAppointment) {
        BedWard.clockAt(firstAppointment.plus(Duration.ofHours(24)));
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(120));
    }

    /** One run as {@code PeriodicJobs} runs it: how many no-shows it recorded, or TIMED_OUT after the job timeout. */
    private int aRunOfTheJob() {
        return missedAppointments.recordDue(LOCK_TIMEOUT).ifNoItem().after(JOB_TIMEOUT).recoverWithItem(TIMED_OUT)
                .await().atMost(JOB_TIMEOUT.plusSeconds(10));
    }
}
