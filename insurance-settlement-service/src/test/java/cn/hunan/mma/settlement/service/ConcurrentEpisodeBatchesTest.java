package cn.hunan.mma.settlement.service;

import io.vertx.pgclient.PgException;
import cn.hunan.mma.settlement.rest.TestDatabase;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.platform.messaging.DatabaseOutages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Two batches settling stays of one referral episode at the same time (consumer concurrency, or an
 * episode whose stays sit on different partitions): the later batch waits for the earlier one's
 * commit, then owes only what the earlier stay has not paid. Without the episode lock it would read
 * no earlier stay and charge the deductible a second time. Likewise two corrections of one stay: the
 * later waits and replaces the earlier, where both would have stood; and an outpatient visit and its correction.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class ConcurrentEpisodeBatchesTest {

    private static final InpatientDischarged GOLDEN = GoldenFixtures.record(InpatientDischarged.class);
    private static final InstitutionSnapshot INSTITUTION = GoldenFixtures.record(InstitutionSnapshot.class);
    private static final String FIRST_STAY = "INSERT INTO case_settlement (discharge_event_id, institution_id, settlement_year, "
            + "method, group_code, episode_id, standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, rule_version, "
            + "residence_division, discharge_date, superseded, settled_at) "
            + "VALUES ($1, $2, $7, 'DRG', 'BR25', $3, 702900, 702900, 60000, 642900, 'NONE', '430000/2000-01-01', $4, $5, FALSE, $6)";

    @Inject
    CaseSettlementService settlements;

    @Inject
    OutpatientSpend outpatientSpend;

    @Inject
    ReviewCounts counts;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void a_batch_waits_for_a_concurrent_batch_of_the_same_episode_and_pays_no_second_deductible() {
        EpisodeId episode = EpisodeId.of("EP-LOCK-" + UUID.randomUUID().toString().substring(0, 8));
        InpatientDischarged second = discharge(episode, null);
        onContext(() -> settlements.remember(INSTITUTION)).join();

        // The other batch: it holds the episode (as CaseSettlementService does) and has written the
        // first stay, which paid the county deductible of ¥600, but has not committed yet.
        Open other = begin();
        other.connection().preparedQuery(CaseSettlementService.LOCK_EPISODES).execute(Tuple.of((Object) new String[] {episode.value()}))
                .await().atMost(Duration.ofSeconds(10));
        other.connection().preparedQuery(FIRST_STAY).execute(Tuple.tuple(List.of(UUID.randomUUID(), GOLDEN.institutionId().value(),
                        episode.value(), GOLDEN.residenceDivision().value(), GOLDEN.dischargeDate(), OffsetDateTime.now(),
                        GOLDEN.dischargeDate().getYear())))
                .await().atMost(Duration.ofSeconds(10));

        CompletableFuture<CaseSettlementService.BatchResult> settling = onContext(() -> settlements.settle(List.of(second)));

        awaitWaiting(settling, "the batch waits while the other batch holds the episode");
        other.commit();

        assertThat(settling.join().settled()).isEqualTo(1);
        Row row = pool.preparedQuery("SELECT deductible_fen, fund_payable_fen FROM case_settlement WHERE discharge_event_id = $1")
                .execute(Tuple.of(second.eventId().asUuid())).await().atMost(Duration.ofSeconds(10)).iterator().next();
        // BR25 0.781 × ¥10,000 × county 0.9 = ¥7,029.00; the first stay paid the ¥600 deductible, so none is due again.
        assertThat(row.getLong(0)).isZero();
        assertThat(row.getLong(1)).isEqualTo(702_900L);
    }

    @Test
    void a_correction_waits_for_a_concurrent_correction_of_the_same_stay_and_replaces_it() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        UUID original = UUID.randomUUID();
        UUID firstCorrection = UUID.randomUUID();
        InpatientDischarged secondCorrection = discharge(null, EventId.of(original));
        stay(pool, original, null);

        // The other batch: a correction of the same stay from another partition.
        Open other = replacing(original, firstCorrection);

        CompletableFuture<CaseSettlementService.BatchResult> settling = onContext(() -> settlements.settle(List.of(secondCorrection)));

        awaitWaiting(settling, "the correction waits while the other batch holds the stay");
        other.commit();

        assertThat(settling.join().settled()).isEqualTo(1);
        // One version of the stay stands: the later correction, in place of the earlier one.
        assertThat(standing(original, firstCorrection, secondCorrection.eventId().asUuid()))
                .containsExactly(secondCorrection.eventId().asUuid());
    }

    /**
     * Where the stay lock cannot see: batch A corrects O with C1; batch B corrects C1 with Y and, having read its chain
     * while C1 was in flight, locks C1 but not O; batch D corrects O with X once A has committed, locks O, and reads C1
     * as standing while B replaces it. D's supersede then finds C1 already replaced, and D settles its batch again (as
     * the consumer does after a deadlock): X replaces Y. Before, X and Y both stood.
     */
    @Test
    void a_correction_that_read_a_version_replaced_meanwhile_is_settled_again_and_replaces_the_replacement() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        UUID original = UUID.randomUUID();
        UUID firstCorrection = UUID.randomUUID();
        UUID secondCorrection = UUID.randomUUID();
        InpatientDischarged late = discharge(null, EventId.of(original));
        stay(pool, original, null);

        Open a = replacing(original, firstCorrection);
        Open b = begin();
        int bBackend = b.connection().query("SELECT pg_backend_pid()").execute().await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getInteger(0);
        CompletableFuture<?> bLocked = lockStays(b.connection(), firstCorrection, secondCorrection).subscribeAsCompletionStage();
        // B must read its chain while C1 is in flight (so that it does not lock O): it is waiting for A's lock on C1.
        await("B waits for A's lock on C1").atMost(Duration.ofSeconds(10)).until(() -> "Lock".equals(pool
                .preparedQuery("SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1").execute(Tuple.of(bBackend))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0)));
        a.commit();
        bLocked.join();
        supersede(b.connection(), firstCorrection);
        stay(b.connection(), secondCorrection, firstCorrection);

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<CaseSettlementService.BatchResult> settling = settledAsTheConsumerDoes(attempts, late);
        awaitWaiting(settling, "the late correction waits for the batch replacing what it read");
        b.commit();

        assertThat(settling.join().settled()).isEqualTo(1);
        assertThat(attempts).as("settled again once it found C1 replaced").hasValue(2);
        assertThat(standing(original, firstCorrection, secondCorrection, late.eventId().asUuid()))
                .containsExactly(late.eventId().asUuid());
    }

    /**
     * An original settled while a correction naming it, reported by another institution (another partition), is in
     * flight: neither batch sees the other's row, and both stood — the fund paying the stay twice. The original's batch
     * now waits on the correction in the one-standing-version index, fails once the correction commits and is settled
     * again: the original arrived after its correction, and is not settled beside it.
     */
    @Test
    void an_original_settled_while_its_correction_is_in_flight_does_not_stand_beside_it() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        InpatientDischarged original = discharge(null, null);
        UUID correction = UUID.randomUUID();
        Open other = begin();
        lockStays(other.connection(), original.eventId().asUuid(), correction).await().atMost(Duration.ofSeconds(10));
        stay(other.connection(), correction, original.eventId().asUuid());

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<CaseSettlementService.BatchResult> settling = settledAsTheConsumerDoes(attempts, original);
        awaitWaiting(settling, "the original waits for the batch settling its correction");
        other.commit();

        assertThat(settling.join().settled()).isZero();
        assertThat(attempts).as("settled again once the correction stood").hasValue(2);
        assertThat(standing(original.eventId().asUuid(), correction)).containsExactly(correction);
    }

    /**
     * Both batches are the service's own. The other batch corrects O twice (C1, then C2 correcting C1) and is held at its
     * outbox insert — its settlements written, not committed — by a lock on the outbox table. C1 goes in already
     * replaced; C2 stands keyed by O, the stay's first report, not by C1, the version it names: the original's batch
     * meets it and waits. Keyed by C1, nothing stood in O's place and O was settled beside C2 (helper-79).
     */
    @Test
    void an_original_settled_while_a_batch_corrects_it_twice_waits_for_that_batch_and_is_not_settled_beside_it() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        InpatientDischarged original = discharge(null, null);
        InpatientDischarged first = discharge(null, original.eventId());
        InpatientDischarged second = discharge(null, first.eventId());
        Open outboxHeld = begin();
        outboxHeld.connection().query("LOCK TABLE outbox IN EXCLUSIVE MODE").execute().await().atMost(Duration.ofSeconds(10));

        CompletableFuture<CaseSettlementService.BatchResult> correcting = onContext(() -> settlements.settle(List.of(first, second)));
        awaitWaiting(correcting, "the correcting batch waits for the outbox");
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<CaseSettlementService.BatchResult> settling = settledAsTheConsumerDoes(attempts, original);
        awaitWaiting(settling, "the original waits for the batch correcting it");
        outboxHeld.commit();

        assertThat(correcting.join().settled()).isEqualTo(2);
        assertThat(settling.join().settled()).isZero();
        assertThat(attempts).as("settled again once the corrections stood").hasValue(2);
        assertThat(standing(original.eventId().asUuid(), first.eventId().asUuid(), second.eventId().asUuid()))
                .containsExactly(second.eventId().asUuid());
    }

    /**
     * O stands; a batch brings C1 (correcting O), refused — its institution is not in the matrix — and C2, the
     * hospital's fix, correcting C1. The batch settles C2 and refuses C1, once: keyed by O through the refused C1, C2 met
     * O in the one-standing-version index and the batch was settled again for ever (helper-83).
     */
    @Test
    void a_correction_of_a_refused_correction_is_settled_and_its_batch_completes() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        UUID original = UUID.randomUUID();
        stay(pool, original, null);
        InpatientDischarged refused = DischargeBatchTest.withInstitution(discharge(null, EventId.of(original)), "430321X9999");
        InpatientDischarged fix = discharge(null, refused.eventId());

        CaseSettlementService.BatchResult result = onContext(() -> settlements.settle(List.of(refused, fix))).join();

        assertThat(result.settled()).isEqualTo(1);
        assertThat(result.refused()).containsOnlyKeys(0);
        assertThat(standing(original, fix.eventId().asUuid())).containsExactlyInAnyOrder(original, fix.eventId().asUuid());
    }

    /** The other way round: the correction's batch waits on the in-flight original, then is settled again and replaces it. */
    @Test
    void a_correction_settled_while_its_original_is_in_flight_replaces_it() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        UUID original = UUID.randomUUID();
        InpatientDischarged correction = discharge(null, EventId.of(original));
        Open other = begin();
        stay(other.connection(), original, null);

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<CaseSettlementService.BatchResult> settling = settledAsTheConsumerDoes(attempts, correction);
        awaitWaiting(settling, "the correction waits for the batch settling its original");
        other.commit();

        assertThat(settling.join().settled()).isEqualTo(1);
        assertThat(attempts).as("settled again once the original stood").hasValue(2);
        assertThat(standing(original, correction.eventId().asUuid())).containsExactly(correction.eventId().asUuid());
    }

    /**
     * A batch correcting O (rule area 431132, its own) that meets another batch's version of its other discharge Q in
     * the one-standing-version index is settled again: its first attempt withdrew O from the review counts it decided
     * on, but rolled back. O leaves the in-memory counts once, with the attempt that commits — two cases stand, N and
     * the correction, as a fresh load from the table reads. Withdrawn as each attempt decides, O went twice (1 case).
     */
    @Test
    void a_correction_settled_again_after_a_conflict_withdraws_what_it_replaced_once() {
        TableCounts.areaRules(pool, "431132", new BigDecimal("0.05"));
        onContext(() -> settlements.remember(INSTITUTION)).join();
        ReviewCounts.Key key = new ReviewCounts.Key("431132", GOLDEN.dischargeDate().getYear(), "DRG");
        InpatientDischarged original = insuredIn("431132", discharge(null, null));
        onContext(() -> settlements.settle(List.of(original, insuredIn("431132", discharge(null, null))))).join();
        assertThat(counts.of(key)).containsExactly(2L, 0L);
        InpatientDischarged other = discharge(null, null);
        UUID othersCorrection = UUID.randomUUID();
        Open inFlight = begin();
        lockStays(inFlight.connection(), other.eventId().asUuid(), othersCorrection).await().atMost(Duration.ofSeconds(10));
        stay(inFlight.connection(), othersCorrection, other.eventId().asUuid());

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<CaseSettlementService.BatchResult> settling = settledAsTheConsumerDoes(attempts,
                insuredIn("431132", discharge(null, original.eventId())), other);
        awaitWaiting(settling, "the batch waits for the one settling Q's correction");
        inFlight.commit();

        assertThat(settling.join().settled()).isEqualTo(1);
        assertThat(attempts).as("settled again once Q's correction stood").hasValue(2);
        assertThat(counts.of(key)).as("in memory").containsExactly(2L, 0L);
        assertThat(TableCounts.of(pool, key)).as("a fresh load from the table").containsExactly(2L, 0L);
    }

    /** An original and its correction in one batch: the original goes in replaced, the correction stands. */
    @Test
    void an_original_and_its_correction_in_one_batch_leave_the_correction_standing() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        InpatientDischarged original = discharge(null, null);
        InpatientDischarged correction = discharge(null, original.eventId());

        assertThat(onContext(() -> settlements.settle(List.of(original, correction))).join().settled()).isEqualTo(2);

        assertThat(standing(original.eventId().asUuid(), correction.eventId().asUuid()))
                .containsExactly(correction.eventId().asUuid());
    }

    /**
     * The same sequence for stays: P, I (correcting P), R (correcting I), C (correcting R), D (correcting C, settled
     * before C: standing). R's batch in flight; C's batch waits on R, I's on I. Once R commits, C's batch walks again,
     * waits for I's, and then keys C and re-stays D by P; P, settled meanwhile, is superseded or not settled. Stays did
     * not have the visits' outcome: with the locks of one walk, I's batch, announcing R again as it stands
     * (Restatements, FOR SHARE), found R replaced by C's batch and was settled again, and that attempt saw the chain
     * whole — one version stood either way. What the second walk changes here is that no batch is settled again
     * (I's batch: 2 attempts with one walk: run).
     */
    @Test
    void a_stay_correction_locks_the_versions_its_chain_reaches_while_it_waits() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        InpatientDischarged p = discharge(null, null);
        InpatientDischarged i = discharge(null, p.eventId());
        while (!lockedBefore(i.eventId().asUuid(), p.eventId().asUuid())) {
            p = discharge(null, null);
            i = discharge(null, p.eventId());
        }
        UUID r = UUID.randomUUID();
        InpatientDischarged c = discharge(null, EventId.of(r));
        UUID d = UUID.randomUUID();
        stay(pool, d, c.eventId().asUuid());
        Open pLock = begin();
        lockStays(pLock.connection(), p.eventId().asUuid()).await().atMost(Duration.ofSeconds(10));
        Open dRow = holdingRow(d, "case_settlement", "discharge_event_id");
        Open rBatch = begin();
        lockStays(rBatch.connection(), r, i.eventId().asUuid()).await().atMost(Duration.ofSeconds(10));
        stay(rBatch.connection(), r, i.eventId().asUuid());

        AtomicInteger cAttempts = new AtomicInteger();
        AtomicInteger iAttempts = new AtomicInteger();
        CompletableFuture<CaseSettlementService.BatchResult> cBatch = settledAsTheConsumerDoes(cAttempts, c);
        awaitLockWait(VersionChainLocks.STAY_CLASS, r);
        CompletableFuture<CaseSettlementService.BatchResult> iBatch = settledAsTheConsumerDoes(iAttempts, i);
        awaitLockWait(VersionChainLocks.STAY_CLASS, i.eventId().asUuid());
        rBatch.commit();
        awaitLockWait(VersionChainLocks.STAY_CLASS, p.eventId().asUuid());
        awaitWaiting(cBatch, "C's batch waits: for I's batch, or (locks of one walk) on D's row");
        pLock.commit();
        awaitDoneOrBothWaitingOnRows(iBatch, "case_settlement");
        settledAsTheConsumerDoes(new AtomicInteger(), p).join();
        dRow.commit();
        cBatch.join();
        iBatch.join();

        assertThat(standing(p.eventId().asUuid(), i.eventId().asUuid(), r, c.eventId().asUuid(), d)).containsExactly(d);
        assertThat(keyOf("case_settlement", "discharge_event_id", "stay_id", d)).as("D keyed by the first report")
                .isEqualTo(p.eventId().asUuid());
        assertThat(iAttempts).as("I's batch settled once: C's waited for it").hasValue(1);
        assertThat(cAttempts).hasValue(1);
    }

    /**
     * A correction that withdraws a DIP case of another year (or area) takes that year's shared lock: here a clearing of
     * 2019 in rule area 439901 holds the year, and the correction — a DRG case of the golden discharge's year — waits
     * for it, as a DIP case of 2019 would. Before, it withdrew the case between the clearing's sum of the year's points
     * and its revaluation, and the point value counted points no institution's line carried (helper-62).
     */
    @Test
    void a_correction_withdrawing_a_dip_case_waits_for_a_clearing_of_that_cases_year() {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        UUID dipCase = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO case_settlement (discharge_event_id, institution_id, settlement_year, method, "
                        + "group_code, standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, rule_version, "
                        + "residence_division, discharge_date, superseded, settled_at) VALUES ($1, $2, 2019, 'DIP', 'J18.9', "
                        + "800000, 800000, 60000, 740000, 'NONE', '439901/2019-01-01', $3, DATE '2019-12-30', FALSE, $4)")
                .execute(Tuple.of(dipCase, GOLDEN.institutionId().value(), GOLDEN.residenceDivision().value(), OffsetDateTime.now()))
                .await().atMost(Duration.ofSeconds(10));
        InpatientDischarged correction = discharge(null, EventId.of(dipCase));

        Open clearing = begin();
        clearing.connection().preparedQuery(DipYearLocks.EXCLUSIVE).execute(Tuple.of(DischargeBatch.clearedYear("439901", 2019)))
                .await().atMost(Duration.ofSeconds(10));

        CompletableFuture<CaseSettlementService.BatchResult> settling = onContext(() -> settlements.settle(List.of(correction)));

        awaitWaiting(settling, "the correction waits while the clearing holds the withdrawn case's year");
        clearing.commit();

        assertThat(settling.join().settled()).isEqualTo(1);
        assertThat(standing(dipCase, correction.eventId().asUuid())).containsExactly(correction.eventId().asUuid());
    }

    /**
     * The outpatient visits' race (V27): the correction C (¥80.00 instead of ¥120.00, reported by another clinic, so on
     * another partition) is stored by its batch, not committed, when the visit V (¥120.00) is recorded. V's batch waits
     * on C in the one-standing-version index, is recorded again once C commits, and V goes in replaced: the spend holds
     * ¥80.00. Without the index neither waited, both stood, and the spend sums counted ¥200.00 for one visit.
     */
    @Test
    void a_visit_recorded_while_its_correction_is_in_flight_does_not_stand_beside_it() {
        OutpatientVisitRecorded visit = visit(null);
        UUID correction = UUID.randomUUID();
        Open other = begin();
        other.connection().preparedQuery("INSERT INTO outpatient_spend (visit_event_id, institution_id, residence_division, "
                        + "visit_date, fund_paid_fen, corrects_event_id, superseded, recorded_at) VALUES ($1, '430321T0102', '430321', "
                        + "DATE '2019-03-01', 8000, $2, FALSE, $3)")
                .execute(Tuple.of(correction, visit.eventId().asUuid(), OffsetDateTime.now())).await().atMost(Duration.ofSeconds(10));

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> recording = onContext(() -> DatabaseOutages.retried(new RepeatedConflicts().bounded(() -> {
            attempts.incrementAndGet();
            return outpatientSpend.record(List.of(visit));
        }), "recording " + visit.eventId()));   // as the consumer records a poll
        awaitWaiting(recording, "the visit waits for the batch storing its correction");
        other.commit();
        recording.join();

        assertThat(attempts).as("recorded again once the correction stood").hasValue(2);
        List<Long> standingFundPaid = new ArrayList<>();
        pool.preparedQuery("SELECT fund_paid_fen FROM outpatient_spend WHERE visit_event_id = ANY($1) AND NOT superseded")
                .execute(Tuple.of((Object) new UUID[] {visit.eventId().asUuid(), correction})).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> standingFundPaid.add(row.getLong(0)));
        assertThat(standingFundPaid).containsExactly(8_000L);
    }

    /**
     * Every version of a visit is keyed by its first report V, also a correction C2 recorded before the version L it
     * names (so keyed by L, all that was known, standing beside V): when L, correcting V, arrives, C2 is keyed by V —
     * else a correction of V recorded at the same moment as a later one of C2 would not meet it.
     */
    @Test
    void a_late_visit_version_in_between_rekeys_the_standing_correction_by_the_first_report() {
        OutpatientVisitRecorded first = visit(null);
        OutpatientVisitRecorded late = visit(first.eventId());
        OutpatientVisitRecorded standing = visit(late.eventId());
        for (OutpatientVisitRecorded poll : List.of(first, standing, late)) {
            onContext(() -> outpatientSpend.record(List.of(poll))).join();
        }

        Row row = pool.preparedQuery("SELECT visit_id, (SELECT count(*) FROM outpatient_spend WHERE visit_event_id = ANY($2) "
                        + "AND NOT superseded) FROM outpatient_spend WHERE visit_event_id = $1")
                .execute(Tuple.of(standing.eventId().asUuid(), new UUID[] {first.eventId().asUuid(), late.eventId().asUuid(),
                        standing.eventId().asUuid()})).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(row.getUUID(0)).isEqualTo(first.eventId().asUuid());
        assertThat(row.getLong(1)).as("one version standing").isOne();
    }

    /**
     * A correction of a correction still in flight (the reviewer's case, 2026-11-25 (7)). P (¥120.00) is stored; another
     * batch — clinic I1's, holding the visit's locks as OutpatientSpend does — has replaced P with C1 (¥100.00, keyed by
     * P) and not committed. C2 (¥80.00, clinic I2's, another partition) corrects C1: it waits for C1's batch, then
     * replaces C1. One version stands, ¥80.00. Without the lock C2 saw no C1, replaced nothing, went in keyed by C1 (not
     * visible, so the top of what it could see) beside C1 keyed by P, and the spend counted ¥180.00 for the visit.
     */
    @Test
    void a_correction_of_a_visit_correction_in_flight_waits_for_it_and_replaces_it() {
        OutpatientVisitRecorded p = visit(null, "120.00");
        recordedAsTheConsumerDoes(new AtomicInteger(), p).join();
        UUID c1 = UUID.randomUUID();
        OutpatientVisitRecorded c2 = visit(EventId.of(c1), "80.00");
        Open other = begin();
        lockVisits(other.connection(), c1, p.eventId().asUuid());
        other.connection().preparedQuery("UPDATE outpatient_spend SET superseded = TRUE WHERE visit_event_id = $1")
                .execute(Tuple.of(p.eventId().asUuid())).await().atMost(Duration.ofSeconds(10));
        visitRow(other.connection(), c1, 10_000L, p.eventId().asUuid(), p.eventId().asUuid());

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> recording = recordedAsTheConsumerDoes(attempts, c2);
        awaitWaiting(recording, "C2 waits for the batch storing C1, the version it names");
        other.commit();
        recording.join();

        assertThat(attempts).as("recorded once: it waited on the lock, not on the index").hasValue(1);
        assertThat(standingVisits(p.eventId().asUuid(), c1, c2.eventId().asUuid()))
                .containsExactly(tuple(c2.eventId().asUuid(), 8_000L));
    }

    /**
     * The mirror timing: C2 (¥80.00, correcting C1) is stored by its batch first — keyed by C1, all it knew — and not
     * committed when C1 (¥100.00, correcting P at ¥120.00) is recorded. C1's batch waits on the lock of C1, then goes in
     * replaced, and C2 is keyed by P: ¥80.00 stands. Without the lock C1 replaced P and stood beside C2: ¥180.00.
     */
    @Test
    void a_visit_correction_recorded_while_its_own_correction_is_in_flight_goes_in_replaced() {
        OutpatientVisitRecorded p = visit(null, "120.00");
        recordedAsTheConsumerDoes(new AtomicInteger(), p).join();
        OutpatientVisitRecorded c1 = visit(p.eventId(), "100.00");
        UUID c2 = UUID.randomUUID();
        Open other = begin();
        lockVisits(other.connection(), c2, c1.eventId().asUuid());
        visitRow(other.connection(), c2, 8_000L, c1.eventId().asUuid(), c1.eventId().asUuid());

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> recording = recordedAsTheConsumerDoes(attempts, c1);
        awaitWaiting(recording, "C1 waits for the batch storing C2, its correction");
        other.commit();
        recording.join();

        assertThat(attempts).hasValue(1);
        assertThat(standingVisits(p.eventId().asUuid(), c1.eventId().asUuid(), c2)).containsExactly(tuple(c2, 8_000L));
        Row c2Key = pool.preparedQuery("SELECT visit_id FROM outpatient_spend WHERE visit_event_id = $1").execute(Tuple.of(c2))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(c2Key.getUUID(0)).as("keyed by the visit's first report").isEqualTo(p.eventId().asUuid());
    }

    /**
     * A lock set worked out before the wait (helper-105). P (¥120.00), I (¥100.00, correcting P), R (¥100.00, correcting
     * I), C (¥90.00, correcting R) and D (¥80.00, correcting C, recorded before C: standing, keyed by C) are versions of
     * one visit. R's batch is in flight, holding R's and I's locks. C's batch walks from C and R — R not visible — and
     * waits on R; I's batch waits on I. Once R commits, C's batch, walking again, finds I and waits for I's batch, then
     * keys C, and D, by P; P, recorded meanwhile, goes in replaced: ¥80.00 stands. With the locks of the first walk only,
     * C's batch replaced R and re-keyed D by I; I's batch re-keyed what it saw above I (R, replaced meanwhile, not C) and
     * P stood keyed by P beside D: ¥200.00 for the visit (run). Held so that this order is the order every time: P's
     * lock (I's batch waits for it after I's) and D's row (C's batch re-keys D last, so it stays open past I's re-key).
     */
    @Test
    void a_visit_correction_locks_the_versions_its_chain_reaches_while_it_waits() {
        OutpatientVisitRecorded p = visit(null, "120.00");
        OutpatientVisitRecorded i = visit(p.eventId(), "100.00");
        while (!lockedBefore(i.eventId().asUuid(), p.eventId().asUuid())) {
            p = visit(null, "120.00");
            i = visit(p.eventId(), "100.00");
        }
        UUID r = UUID.randomUUID();
        OutpatientVisitRecorded c = visit(EventId.of(r), "90.00");
        UUID d = UUID.randomUUID();
        visitRow(pool, d, 8_000L, c.eventId().asUuid(), c.eventId().asUuid());
        Open pLock = begin();
        lockVisits(pLock.connection(), p.eventId().asUuid());
        Open dRow = holdingRow(d, "outpatient_spend", "visit_event_id");
        Open rBatch = begin();
        lockVisits(rBatch.connection(), r, i.eventId().asUuid());
        visitRow(rBatch.connection(), r, 10_000L, i.eventId().asUuid(), i.eventId().asUuid());

        CompletableFuture<Void> cBatch = recordedAsTheConsumerDoes(new AtomicInteger(), c);
        awaitLockWait(VersionChainLocks.VISIT_CLASS, r);
        CompletableFuture<Void> iBatch = recordedAsTheConsumerDoes(new AtomicInteger(), i);
        awaitLockWait(VersionChainLocks.VISIT_CLASS, i.eventId().asUuid());
        rBatch.commit();
        awaitLockWait(VersionChainLocks.VISIT_CLASS, p.eventId().asUuid());
        awaitWaiting(cBatch, "C's batch waits: for I's batch, or (locks of one walk) on D's row");
        pLock.commit();
        awaitDoneOrBothWaitingOnRows(iBatch, "outpatient_spend");
        recordedAsTheConsumerDoes(new AtomicInteger(), p).join();
        dRow.commit();
        cBatch.join();
        iBatch.join();

        assertThat(standingVisits(p.eventId().asUuid(), i.eventId().asUuid(), r, c.eventId().asUuid(), d))
                .containsExactly(tuple(d, 8_000L));
        assertThat(keyOf("outpatient_spend", "visit_event_id", "visit_id", d)).as("D keyed by the first report")
                .isEqualTo(p.eventId().asUuid());
    }

    /**
     * 40 visits each corrected 1,000 times (a clinic's billing loop, say), and a poll correcting each visit's standing
     * version once more: the poll locks every version up each chain, 40,080 advisory locks, beyond the test server's lock
     * table (64 × 200 connections). Recorded whole it fails with 53200, which the consumer retried as an outage for ever;
     * recorded to fit, it goes in parts and each visit is left with its new correction standing alone.
     */
    @Test
    void a_poll_of_visit_corrections_whose_locks_do_not_fit_in_the_lock_table_is_recorded_in_parts() {
        String run = UUID.randomUUID().toString();
        // Version i of visit j corrects version i − 1; only the last, 1,000, stands, keyed by the first report, 0.
        pool.preparedQuery("INSERT INTO outpatient_spend (visit_event_id, institution_id, residence_division, visit_date, "
                        + "fund_paid_fen, corrects_event_id, superseded, visit_id, recorded_at) "
                        + "SELECT md5($1 || j || ':' || i)::uuid, '430321T0101', '430321', DATE '2019-03-01', 12000, "
                        + "CASE WHEN i > 0 THEN md5($1 || j || ':' || (i - 1))::uuid END, i < 1000, "
                        + "CASE WHEN i > 0 THEN md5($1 || j || ':0')::uuid END, now() "
                        + "FROM generate_series(0, 39) AS j, generate_series(0, 1000) AS i")
                .execute(Tuple.of(run)).await().atMost(Duration.ofSeconds(60));
        List<OutpatientVisitRecorded> corrections = new ArrayList<>();
        pool.preparedQuery("SELECT md5($1 || j || ':1000')::uuid FROM generate_series(0, 39) AS j").execute(Tuple.of(run))
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> corrections.add(visit(EventId.of(row.getUUID(0)), "80.00")));

        assertThatThrownBy(() -> onContext(() -> outpatientSpend.record(corrections)).join())
                .hasRootCauseInstanceOf(PgException.class)
                .rootCause().satisfies(cause -> assertThat(((PgException) cause).getSqlState()).isEqualTo("53200"));
        CaseSettlementService.BatchResult recorded = onContext(() -> outpatientSpend.recordFitting(corrections)).join();

        assertThat(recorded.refused()).isEmpty();
        Row standing = pool.preparedQuery("SELECT count(*), count(*) FILTER (WHERE visit_event_id = ANY($2)) FROM outpatient_spend "
                        + "WHERE visit_id IN (SELECT md5($1 || j || ':0')::uuid FROM generate_series(0, 39) AS j) AND NOT superseded")
                .execute(Tuple.of(run, corrections.stream().map(v -> v.eventId().asUuid()).toArray(UUID[]::new)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(standing.getLong(0)).as("one version standing per visit").isEqualTo(40L);
        assertThat(standing.getLong(1)).as("the poll's corrections").isEqualTo(40L);
    }

    /** Whether the lock statements take {@code first}'s lock before {@code second}'s (they sort by hashtext). */
    private boolean lockedBefore(UUID first, UUID second) {
        return pool.preparedQuery("SELECT hashtext($1::uuid::text) < hashtext($2::uuid::text)").execute(Tuple.of(first, second))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean(0);
    }

    /** The key a version is stored under in the table's one-standing-version index. */
    private UUID keyOf(String table, String idColumn, String keyColumn, UUID version) {
        return pool.preparedQuery("SELECT " + keyColumn + " FROM " + table + " WHERE " + idColumn + " = $1").execute(Tuple.of(version))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getUUID(0);
    }

    /** Another transaction holding the row's lock (FOR UPDATE), open until committed. */
    private Open holdingRow(UUID id, String table, String idColumn) {
        Open holder = begin();
        assertThat(holder.connection().preparedQuery("SELECT 1 FROM " + table + " WHERE " + idColumn + " = $1 FOR UPDATE")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).size()).isOne();
        return holder;
    }

    /** Until a transaction waits for the version's lock of the class (VersionChainLocks: two int4 keys, objsubid 2). */
    private void awaitLockWait(int lockClass, UUID version) {
        await("a batch waits for the lock of " + version).atMost(Duration.ofSeconds(10)).until(() -> pool.preparedQuery(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 2 "
                                + "AND classid = ($1::bigint & 4294967295)::oid AND objid = (hashtext($2::uuid::text)::bigint & 4294967295)::oid")
                .execute(Tuple.of((long) lockClass, version)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0) > 0);
    }

    /** Until the batch is done, or it and another wait on rows of the table (each re-keying a version another holds). */
    private void awaitDoneOrBothWaitingOnRows(CompletableFuture<?> batch, String table) {
        await("the batch is done, or waits on a row as another does").atMost(Duration.ofSeconds(10)).until(() -> batch.isDone()
                || pool.preparedQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND wait_event IN ('transactionid', 'tuple') AND query LIKE $1")
                .execute(Tuple.of("%" + table + "%")).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 2);
    }

    /** An outpatient visit of ¥120.00 to the fund at a township clinic of 湘潭县, correcting {@code corrects} (or none). */
    private static OutpatientVisitRecorded visit(EventId corrects) {
        return visit(corrects, "120.00");
    }

    /** An outpatient visit at a township clinic of 湘潭县 paying the fund {@code fundPaid} yuan, correcting {@code corrects}. */
    private static OutpatientVisitRecorded visit(EventId corrects, String fundPaid) {
        Money paid = Money.ofYuan(fundPaid);
        Money outOfPocket = Money.ofYuan("10.00");
        return new OutpatientVisitRecorded(EventId.random(), Instant.parse("2019-03-01T02:00:00Z"), InstitutionId.of("430321T0101"),
                DepartmentId.of("general"), VisitKind.OUTPATIENT, PatientPseudonym.of("ab".repeat(32)), DivisionCode.of("430321"),
                Icd10Code.of("J06.900"), new Charges(paid.plus(outOfPocket), paid, outOfPocket), false, null, corrects);
    }

    /** Records the visit as the consumer records a poll — again after a concurrent change — counting the attempts. */
    private CompletableFuture<Void> recordedAsTheConsumerDoes(AtomicInteger attempts, OutpatientVisitRecorded visit) {
        return onContext(() -> DatabaseOutages.retried(new RepeatedConflicts().bounded(() -> {
            attempts.incrementAndGet();
            return outpatientSpend.record(List.of(visit));
        }), "recording " + visit.eventId()));
    }

    /** Holds the visit versions' locks as OutpatientSpend does for a batch correcting them. */
    private static void lockVisits(SqlConnection connection, UUID... versions) {
        connection.preparedQuery(OutpatientSpend.LOCK_VISITS).execute(Tuple.of((Object) versions)).await().atMost(Duration.ofSeconds(10));
    }

    /** A standing version of a visit of 1 March 2019 at clinic 430321T0102, keyed by {@code visitId}. */
    private static void visitRow(SqlClient client, UUID id, long fundPaidFen, UUID corrects, UUID visitId) {
        client.preparedQuery("INSERT INTO outpatient_spend (visit_event_id, institution_id, residence_division, visit_date, "
                        + "fund_paid_fen, corrects_event_id, superseded, visit_id, recorded_at) VALUES ($1, '430321T0102', '430321', "
                        + "DATE '2019-03-01', $2, $3, FALSE, $4, $5)")
                .execute(Tuple.of(id, fundPaidFen, corrects, visitId, OffsetDateTime.now())).await().atMost(Duration.ofSeconds(10));
    }

    /** Which of the visit versions stand, with what each paid the fund (fen). */
    private List<org.assertj.core.groups.Tuple> standingVisits(UUID... versions) {
        List<org.assertj.core.groups.Tuple> standing = new ArrayList<>();
        pool.preparedQuery("SELECT visit_event_id, fund_paid_fen FROM outpatient_spend WHERE visit_event_id = ANY($1) AND NOT superseded")
                .execute(Tuple.of((Object) versions)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> standing.add(tuple(row.getUUID(0), row.getLong(1))));
        return standing;
    }

    /** Another batch's (or a clearing's) transaction on a connection of its own, open until {@link #commit}. */
    private record Open(SqlConnection connection, Transaction transaction) {
        void commit() {
            transaction.commit().await().atMost(Duration.ofSeconds(10));
            connection.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    private Open begin() {
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        return new Open(connection, connection.begin().await().atMost(Duration.ofSeconds(10)));
    }

    /**
     * Another batch correcting a stay: it holds the stay as CaseSettlementService does, has replaced {@code original}
     * with {@code correction}, and has not committed.
     */
    private Open replacing(UUID original, UUID correction) {
        Open batch = begin();
        lockStays(batch.connection(), original, correction).await().atMost(Duration.ofSeconds(10));
        supersede(batch.connection(), original);
        stay(batch.connection(), correction, original);
        return batch;
    }

    /** The settling stays pending for a second: it waits on what another transaction holds. */
    private static void awaitWaiting(CompletableFuture<?> settling, String why) {
        await(why).during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !settling.isDone());
    }

    private static Uni<RowSet<Row>> lockStays(SqlConnection connection, UUID... versions) {
        return connection.preparedQuery(CaseSettlementService.LOCK_STAYS).execute(Tuple.of((Object) versions));
    }

    private static void supersede(SqlConnection connection, UUID stay) {
        connection.preparedQuery("UPDATE case_settlement SET superseded = TRUE WHERE discharge_event_id = $1")
                .execute(Tuple.of(stay)).await().atMost(Duration.ofSeconds(10));
    }

    /** Which of the rows stand. */
    private List<UUID> standing(UUID... rows) {
        List<UUID> standing = new ArrayList<>();
        pool.preparedQuery("SELECT discharge_event_id FROM case_settlement WHERE discharge_event_id = ANY($1) AND NOT superseded")
                .execute(Tuple.of((Object) rows)).await().atMost(Duration.ofSeconds(10)).forEach(row -> standing.add(row.getUUID(0)));
        return standing;
    }

    /** A stored DRG stay of the golden discharge's institution without an episode: ¥7,029.00, ¥600 deductible. */
    private static void stay(SqlClient client, UUID id, UUID corrects) {
        client.preparedQuery("INSERT INTO case_settlement (discharge_event_id, institution_id, settlement_year, method, "
                        + "group_code, standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, rule_version, "
                        + "residence_division, discharge_date, corrects_event_id, superseded, settled_at) "
                        + "VALUES ($1, $2, $3, 'DRG', 'BR25', 702900, 702900, 60000, 642900, 'NONE', '430000/2000-01-01', $4, $5, $6, "
                        + "FALSE, $7)")
                .execute(Tuple.tuple(Arrays.asList(id, GOLDEN.institutionId().value(), GOLDEN.dischargeDate().getYear(),
                        GOLDEN.residenceDivision().value(), GOLDEN.dischargeDate(), corrects, OffsetDateTime.now())))
                .await().atMost(Duration.ofSeconds(10));
    }

    /**
     * A poll of 20,000 corrections (a re-coding audit, say) locks each one's stay and the version it names: 40,000
     * advisory locks, beyond the test server's lock table (64 × 200 connections). Settled whole it fails with 53200,
     * which was retried as an outage for ever; settled to fit, it goes in halves until each fits, and every correction
     * is settled once.
     */
    @Test
    void a_batch_whose_locks_do_not_fit_in_the_servers_lock_table_is_settled_in_parts() throws Exception {
        onContext(() -> settlements.remember(INSTITUTION)).join();
        List<InpatientDischarged> corrections = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            corrections.add(discharge(null, EventId.random()));
        }

        assertThatThrownBy(() -> onContext(() -> settlements.settle(corrections)).join())
                .hasRootCauseInstanceOf(PgException.class)
                .rootCause().satisfies(cause -> assertThat(((PgException) cause).getSqlState()).isEqualTo("53200"));
        CaseSettlementService.BatchResult settled = onContext(() -> settlements.settleFitting(corrections)).join();

        assertThat(settled.settled()).isEqualTo(20_000);
        assertThat(settled.refused()).isEmpty();
        try (var db = TestDatabase.connect(); var count = db.prepareStatement(
                "SELECT count(*) FROM case_settlement WHERE discharge_event_id = ANY(?::uuid[])")) {
            count.setArray(1, db.createArrayOf("uuid", corrections.stream().map(d -> d.eventId().asUuid()).toArray()));
            try (var found = count.executeQuery()) {
                found.next();
                assertThat(found.getLong(1)).isEqualTo(20_000);
            }
        }
    }

    /** Settles the discharge as the consumer does — again after a concurrent change — counting the attempts. */
    private CompletableFuture<CaseSettlementService.BatchResult> settledAsTheConsumerDoes(AtomicInteger attempts,
                                                                                          InpatientDischarged... batch) {
        return onContext(() -> DatabaseOutages.retried(() -> {
            attempts.incrementAndGet();
            return settlements.settle(List.of(batch));
        }, "settling " + batch[0].eventId()));
    }

    private <T> CompletableFuture<T> onContext(Supplier<Uni<T>> work) {
        return OnVertxContext.run(vertx, work);
    }

    private static InpatientDischarged insuredIn(String area, InpatientDischarged d) {
        return new InpatientDischarged(d.eventId(), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(),
                d.residenceDivision(), DivisionCode.of(area), d.principalDiagnosis(), d.procedures(), d.drgGroup(), d.charges(),
                d.dischargeMode(), d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }

    private static InpatientDischarged discharge(EpisodeId episode, EventId corrects) {
        return new InpatientDischarged(EventId.random(), GOLDEN.occurredAt(), GOLDEN.institutionId(), GOLDEN.departmentId(),
                GOLDEN.patient(), GOLDEN.residenceDivision(), GOLDEN.insuredAreaDivision(), GOLDEN.principalDiagnosis(),
                GOLDEN.procedures(), GOLDEN.drgGroup(), GOLDEN.charges(), GOLDEN.dischargeMode(), GOLDEN.admissionDate(),
                GOLDEN.dischargeDate(), GOLDEN.lengthOfStayDays(), episode, corrects);
    }
}
