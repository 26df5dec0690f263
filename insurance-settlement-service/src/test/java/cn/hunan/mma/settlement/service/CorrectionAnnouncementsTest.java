package cn.hunan.mma.settlement.service;

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
 * the topic the outbox relay publishes to. Every stay here is BR25 at the county hospital: ¥7,029.00 less the county's
 * ¥600 deductible, ¥6,429.00 to the fund.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class CorrectionAnnouncementsTest {

    private static final InpatientDischarged GOLDEN = GoldenFixtures.record(InpatientDischarged.class);
    private static final InstitutionSnapshot INSTITUTION = GoldenFixtures.record(InstitutionSnapshot.class);

    @Inject
    CaseSettlementService settlements;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    /**
     * P; then C2 correcting L, not stored yet, so C2 stands beside P; then one poll with C5 correcting P and L correcting
     * P. C5 replaces P, and L — between P and C2 — replaces C5 and is itself replaced by C2: C2 alone stands. The topic
     * holds P, C2 (replacing L) and C2 again, replacing C5, L and P; C5 is not announced. Before, the third record was
     * C5 replacing P, and a consumer held C5 beside C2: ¥12,858.00 for one stay.
     */
    @Test
    void a_correction_replaced_in_its_own_batch_by_a_late_version_is_not_announced_and_what_stands_retires_it() {
        InpatientDischarged p = discharge(null);
        InpatientDischarged l = discharge(p.eventId());
        InpatientDischarged c2 = discharge(l.eventId());
        InpatientDischarged c5 = discharge(p.eventId());

        settleInTurn(List.of(p), List.of(c2), List.of(c5, l));

        List<CaseSettled> topic = published(3, p, l, c2, c5);
        assertThat(topic).extracting(CaseSettled::dischargeEventId, CaseSettled::supersedes).containsExactly(
                tuple(p.eventId(), null),
                tuple(c2.eventId(), List.of(l.eventId())),
                tuple(c2.eventId(), inOrder(p, c5, l)));
        assertThat(topic.get(2).fundPayable()).isEqualTo(Money.ofYuan("6429.00"));
        assertTheTopicHoldsWhatTheTableHolds(topic, c2, p, l, c2, c5);
    }

    /**
     * O; then one poll with C1 correcting O and C2 correcting C1. C1 is retired in its own batch and not announced; C2
     * is announced replacing C1 and O.
     */
    @Test
    void a_correction_replaced_by_another_correction_of_its_own_batch_is_not_announced() {
        InpatientDischarged o = discharge(null);
        InpatientDischarged c1 = discharge(o.eventId());
        InpatientDischarged c2 = discharge(c1.eventId());

        settleInTurn(List.of(o), List.of(c1, c2));

        List<CaseSettled> topic = published(2, o, c1, c2);
        assertThat(topic).extracting(CaseSettled::dischargeEventId, CaseSettled::supersedes).containsExactly(
                tuple(o.eventId(), null),
                tuple(c2.eventId(), inOrder(o, c1)));
        assertTheTopicHoldsWhatTheTableHolds(topic, c2, o, c1, c2);
    }

    /** Following the records, a consumer holds the one standing version, paying the stay once — as the table does. */
    private void assertTheTopicHoldsWhatTheTableHolds(List<CaseSettled> topic, InpatientDischarged stands,
                                                      InpatientDischarged... versions) {
        var held = SupersedesFold.standing(topic);
        assertThat(held.keySet()).containsExactly(stands.eventId());
        assertThat(held.get(stands.eventId()).fundPayable()).isEqualTo(Money.ofYuan("6429.00"));
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
        assertThat(fundPayable).containsExactly(642_900L);
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

    private static InpatientDischarged discharge(EventId corrects) {
        return new InpatientDischarged(EventId.random(), GOLDEN.occurredAt(), GOLDEN.institutionId(), GOLDEN.departmentId(),
                GOLDEN.patient(), GOLDEN.residenceDivision(), GOLDEN.insuredAreaDivision(), GOLDEN.principalDiagnosis(),
                GOLDEN.procedures(), GOLDEN.drgGroup(), GOLDEN.charges(), GOLDEN.dischargeMode(), GOLDEN.admissionDate(),
                GOLDEN.dischargeDate(), GOLDEN.lengthOfStayDays(), null, corrects);
    }
}
