package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.rest.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the case-settlements topic says when a version of a stay is retired in the batch that settled it: the records
 * the batches publish, applied as the contract's consumer applies them (following {@code supersedes}), leave standing
 * exactly the rows standing in the table. Each batch is one poll, settled through the service, its records read from
 * the topic the outbox relay publishes to. Every stay here is BR25 at the county hospital (standard ¥7,029.00, the
 * county's deductible ¥600.00, no referral episode), each version at its own cost so that an amount tells whose it is:
 * the golden bill, ¥12,860.35, is within the normal band and pays the standard, ¥6,429.00 to the fund; a bill below
 * 0.4 × the standard (¥2,811.60) is paid at cost, ¥600.00 less to the fund (¥2,400.00 → ¥1,800.00).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class CorrectionAnnouncementsTest {

    private static final InpatientDischarged GOLDEN = GoldenFixtures.record(InpatientDischarged.class);
    private static final InstitutionSnapshot INSTITUTION = GoldenFixtures.record(InstitutionSnapshot.class);
    private static final String GOLDEN_BILL = GOLDEN.charges().total().toYuanString();

    @Inject
    CaseSettlementService settlements;

    @Inject
    CaseReviews reviews;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    /**
     * P (¥6,429.00 to the fund); then C2 (bill ¥2,400.00 → ¥1,800.00) correcting L, not stored yet, so C2 stands beside
     * P; then one poll with C5 (¥2,300.00 → ¥1,700.00) correcting P and L (¥2,500.00 → ¥1,900.00) correcting P. C5
     * replaces P, and L — between P and C2 — replaces C5 and is itself replaced by C2: C2 alone stands. The topic holds
     * P, C2 (replacing L) and C2 again at its own ¥1,800.00, replacing C5, L and P; C5 is not announced. Before, the
     * third record was C5 replacing P, and a consumer held C5 beside C2: ¥3,500.00 for one stay.
     */
    @Test
    void a_correction_replaced_in_its_own_batch_by_a_late_version_is_not_announced_and_what_stands_retires_it() {
        InpatientDischarged p = discharge(null, GOLDEN_BILL);
        InpatientDischarged l = discharge(p.eventId(), "2500.00");
        InpatientDischarged c2 = discharge(l.eventId(), "2400.00");
        InpatientDischarged c5 = discharge(p.eventId(), "2300.00");

        settleInTurn(List.of(p), List.of(c2), List.of(c5, l));

        List<CaseSettled> topic = published(3, p, l, c2, c5);
        assertThat(topic).extracting(CaseSettled::dischargeEventId, CaseSettled::supersedes, CaseSettled::fundPayable)
                .containsExactly(
                        tuple(p.eventId(), null, Money.ofYuan("6429.00")),
                        tuple(c2.eventId(), List.of(l.eventId()), Money.ofYuan("1800.00")),
                        tuple(c2.eventId(), inOrder(p, c5, l), Money.ofYuan("1800.00")));
        assertTheTopicHoldsWhatTheTableHolds(topic, c2, Money.ofYuan("1800.00"), p, l, c2, c5);
    }

    /**
     * As above, but C2's bill, ¥40,000.00, is more than 5 × the standard (¥35,145.00): it waits for expert review, paid
     * the standard meanwhile (¥6,429.00 to the fund). An officer approves ¥30,000.00 — ¥29,400.00 to the fund after the
     * ¥600.00 deductible — before L arrives; the restatement of C2 then carries ¥29,400.00, the amount the fund pays now,
     * not what C2 was first settled at. The stays are of 2006, a year no other test settles, so that C2's review falls
     * within the 5 % quota: 19 stays of the year before it, 1 review ≤ 5 % × 21.
     */
    @Test
    void the_restatement_of_a_correction_an_officer_has_decided_carries_the_decided_amount() {
        InpatientDischarged p = in2006(discharge(null, GOLDEN_BILL));
        InpatientDischarged l = in2006(discharge(p.eventId(), "2500.00"));
        InpatientDischarged c2 = in2006(discharge(l.eventId(), "40000.00"));
        InpatientDischarged c5 = in2006(discharge(p.eventId(), "2300.00"));
        List<InpatientDischarged> year = new ArrayList<>(List.of(p));
        for (int i = 0; i < 18; i++) {
            year.add(in2006(discharge(null, GOLDEN_BILL)));
        }

        settleInTurn(year, List.of(c2));
        CaseReview decided = OnVertxContext.run(vertx, () -> reviews.decide(c2.eventId().asUuid(),
                new CaseReviews.Decision(Money.ofYuan("30000.00"), "rare complication, documented", "officer-2006"), area -> { }))
                .join();
        assertThat(decided.fundPayable()).isEqualTo(Money.ofYuan("29400.00"));
        settleInTurn(List.of(c5, l));

        List<CaseSettled> topic = published(4, p, l, c2, c5);
        assertThat(topic).extracting(CaseSettled::dischargeEventId, CaseSettled::supersedes, CaseSettled::fundPayable)
                .containsExactly(
                        tuple(p.eventId(), null, Money.ofYuan("6429.00")),
                        tuple(c2.eventId(), List.of(l.eventId()), Money.ofYuan("6429.00")),   // pending review: the standard
                        tuple(c2.eventId(), null, Money.ofYuan("29400.00")),                 // the decision
                        tuple(c2.eventId(), inOrder(p, c5, l), Money.ofYuan("29400.00")));
        assertTheTopicHoldsWhatTheTableHolds(topic, c2, Money.ofYuan("29400.00"), p, l, c2, c5);
    }

    /**
     * O (¥6,429.00); then one poll with C1 (bill ¥2,500.00 → ¥1,900.00) correcting O and C2 (¥2,200.00 → ¥1,600.00)
     * correcting C1. C1 is retired in its own batch and not announced; C2 is announced at its own amount replacing C1
     * and O.
     */
    @Test
    void a_correction_replaced_by_another_correction_of_its_own_batch_is_not_announced() {
        InpatientDischarged o = discharge(null, GOLDEN_BILL);
        InpatientDischarged c1 = discharge(o.eventId(), "2500.00");
        InpatientDischarged c2 = discharge(c1.eventId(), "2200.00");

        settleInTurn(List.of(o), List.of(c1, c2));

        List<CaseSettled> topic = published(2, o, c1, c2);
        assertThat(topic).extracting(CaseSettled::dischargeEventId, CaseSettled::supersedes, CaseSettled::fundPayable)
                .containsExactly(
                        tuple(o.eventId(), null, Money.ofYuan("6429.00")),
                        tuple(c2.eventId(), inOrder(o, c1), Money.ofYuan("1600.00")));
        assertTheTopicHoldsWhatTheTableHolds(topic, c2, Money.ofYuan("1600.00"), o, c1, c2);
    }

    /** Following the records, a consumer holds the one standing version, paying the stay once — as the table does. */
    private void assertTheTopicHoldsWhatTheTableHolds(List<CaseSettled> topic, InpatientDischarged stands, Money fundPays,
                                                      InpatientDischarged... versions) {
        var held = SupersedesFold.standing(topic);
        assertThat(held.keySet()).containsExactly(stands.eventId());
        assertThat(held.get(stands.eventId()).fundPayable()).isEqualTo(fundPays);
        List<EventId> standingRows = new ArrayList<>();
        List<Long> fundPayable = new ArrayList<>();
        pool.preparedQuery("SELECT discharge_event_id, fund_payable_fen FROM case_settlement WHERE discharge_event_id = ANY($1) "
                        + "AND NOT superseded")
                .execute(Tuple.of((Object) Stream.of(versions).map(v -> v.eventId().asUuid()).toArray(UUID[]::new)))
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> {
                    standingRows.add(EventId.of(row.getUUID(0)));
                    fundPayable.add(row.getLong(1));
                });
        assertThat(standingRows).containsExactly(stands.eventId());
        assertThat(fundPayable).containsExactly(fundPays.fen());
    }

    /** Each list one poll, settled once the one before has committed. */
    @SafeVarargs
    private void settleInTurn(List<InpatientDischarged>... polls) {
        OnVertxContext.run(vertx, () -> settlements.remember(INSTITUTION)).join();
        for (List<InpatientDischarged> poll : polls) {
            assertThat(OnVertxContext.run(vertx, () -> settlements.settle(poll)).join().refused()).isEmpty();
        }
    }

    /**
     * The records on the topic for these discharges, in the order published (one institution: one partition), each event
     * once, as consumers read them (the relay may send one twice).
     */
    private static List<CaseSettled> published(int expected, InpatientDischarged... versions) {
        Set<EventId> ids = Set.copyOf(Stream.of(versions).map(InpatientDischarged::eventId).toList());
        Set<EventId> read = new HashSet<>();
        return TestTopics.awaitPublished(Topics.CASE_SETTLEMENTS, settled -> ids.contains(settled.dischargeEventId()), expected)
                .stream().map(TestTopics.Published::value).filter(settled -> read.add(settled.eventId())).toList();
    }

    /** Discharge ids as {@code supersedes} lists them: in UUID order. */
    private static List<EventId> inOrder(InpatientDischarged... versions) {
        return Arrays.stream(versions).map(v -> v.eventId().asUuid()).sorted().map(EventId::of).toList();
    }

    /** A version of the golden stay billed {@code total} yuan (the actual cost it is priced by), correcting {@code corrects}. */
    private static InpatientDischarged discharge(EventId corrects, String total) {
        Charges charges = GOLDEN_BILL.equals(total) ? GOLDEN.charges()
                : new Charges(Money.ofYuan(total), Money.ZERO, Money.ZERO);   // who paid what is not priced
        return new InpatientDischarged(EventId.random(), GOLDEN.occurredAt(), GOLDEN.institutionId(), GOLDEN.departmentId(),
                GOLDEN.patient(), GOLDEN.residenceDivision(), GOLDEN.insuredAreaDivision(), GOLDEN.principalDiagnosis(),
                GOLDEN.procedures(), GOLDEN.drgGroup(), charges, GOLDEN.dischargeMode(), GOLDEN.admissionDate(),
                GOLDEN.dischargeDate(), GOLDEN.lengthOfStayDays(), null, corrects);
    }

    /** The stay moved to March 2006, its length kept. */
    private static InpatientDischarged in2006(InpatientDischarged stay) {
        LocalDate discharged = LocalDate.of(2006, 3, 14);
        return new InpatientDischarged(stay.eventId(), discharged.atTime(10, 30).toInstant(ZoneOffset.ofHours(8)),
                stay.institutionId(), stay.departmentId(), stay.patient(), stay.residenceDivision(), stay.insuredAreaDivision(),
                stay.principalDiagnosis(), stay.procedures(), stay.drgGroup(), stay.charges(), stay.dischargeMode(),
                discharged.minusDays(stay.lengthOfStayDays()), discharged, stay.lengthOfStayDays(), null, stay.correctsEventId());
    }
}
