package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.domain.cases.ReviewQuota;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory review counts ({@link ReviewCounts}) hold what a fresh start would load from the table
 * ({@link TableCounts}) after corrections replace versions stored by earlier batches: a replaced version no longer
 * counts — as a case, and as a review — under its own rule area, year and method. Each test has rule areas of its own.
 * Seed rules: BR25 at the county hospital 0.781 × ¥10,000 × 0.9 = ¥7,029.00; expert review above 5 × that, ¥35,145.00.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class ReviewCountsAfterCorrectionsTest {

    private static final InpatientDischarged GOLDEN = GoldenFixtures.record(InpatientDischarged.class);
    private static final InstitutionSnapshot INSTITUTION = GoldenFixtures.record(InstitutionSnapshot.class);
    private static final BigDecimal SEED_CAP = new BigDecimal("0.05");
    private static final int YEAR = GOLDEN.dischargeDate().getYear();
    private static final String ORDINARY = "12860.35";   // between 0.4 and 3 × ¥7,029.00: no outlier
    private static final String FOR_REVIEW = "40000.00";   // above ¥35,145.00

    @Inject
    CaseSettlementService settlements;

    @Inject
    ReviewCounts counts;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    /**
     * O settled, then corrected by C in a later batch: one version of the stay stands before and after, one case. Then
     * C corrected by M, insured in another area: the case leaves the first area's count (the replaced row's own key) for
     * the second's. Before 2026-11-25 (8) the first area counted two cases after C, and kept one after M.
     */
    @Test
    void a_corrected_case_counts_once_under_the_key_of_its_standing_version() {
        TableCounts.areaRules(pool, "431122", SEED_CAP);
        TableCounts.areaRules(pool, "431124", SEED_CAP);
        remember();
        ReviewCounts.Key first = new ReviewCounts.Key("431122", YEAR, "DRG");
        ReviewCounts.Key moved = new ReviewCounts.Key("431124", YEAR, "DRG");
        InpatientDischarged original = discharge("431122", null, ORDINARY);
        settle(original);
        assertCounts(first, 1, 0);

        InpatientDischarged correction = discharge("431122", original.eventId(), "13000.00");
        settle(correction);
        assertCounts(first, 1, 0);

        InpatientDischarged moving = discharge("431124", correction.eventId(), "13000.00");
        settle(moving);
        assertCounts(first, 0, 0);
        assertCounts(moved, 1, 0);
    }

    /**
     * A cap of 30 %: three ordinary cases, then R1 above the review threshold goes to review (1 ≤ 0.3 × 4 = 1.2), and
     * the slot is used up: with 4 cases and 1 review, another needs 2 ≤ 0.3 × 5 = 1.5 — no. R1 is corrected, ordinary:
     * 4 cases, no review. The next outlier R2 goes to review: 1 ≤ 0.3 × 5 = 1.5. Before 2026-11-25 (8) R1's review still
     * counted (5 cases, 1 review: 2 ≤ 0.3 × 6 = 1.8, no) and R2 was paid as a high-cost case.
     */
    @Test
    void a_review_replaced_by_an_ordinary_correction_frees_its_slot_for_the_next_outlier() {
        BigDecimal cap = new BigDecimal("0.3");
        TableCounts.areaRules(pool, "431126", cap);
        remember();
        ReviewCounts.Key key = new ReviewCounts.Key("431126", YEAR, "DRG");
        InpatientDischarged reviewed = discharge("431126", null, FOR_REVIEW);
        settle(discharge("431126", null, ORDINARY), discharge("431126", null, ORDINARY), discharge("431126", null, ORDINARY), reviewed);
        assertThat(outlier(reviewed)).isEqualTo("EXPERT_REVIEW");
        assertCounts(key, 4, 1);
        assertThat(new ReviewQuota(cap, 4, 1).allowsOneMore()).as("the slot is used up").isFalse();

        settle(discharge("431126", reviewed.eventId(), ORDINARY));
        assertCounts(key, 4, 0);

        InpatientDischarged next = discharge("431126", null, FOR_REVIEW);
        settle(next);
        assertThat(outlier(next)).isEqualTo("EXPERT_REVIEW");
        assertCounts(key, 5, 1);
    }

    /**
     * P stored by an earlier start in 2023 (a row this instance never counted: the key was never loaded), corrected by C
     * discharged in 2025: P's key is not created by the correction — its first load reads the table, which already
     * leaves P out. A discharge of 2023 then loads it: one case, its own.
     */
    @Test
    void a_correction_of_a_version_whose_key_was_never_loaded_leaves_that_key_to_the_table() {
        TableCounts.areaRules(pool, "431128", SEED_CAP);
        remember();
        ReviewCounts.Key earlier = new ReviewCounts.Key("431128", 2023, "DRG");
        UUID stored = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO case_settlement (discharge_event_id, institution_id, settlement_year, method, group_code, "
                        + "standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, rule_version, residence_division, "
                        + "discharge_date, superseded, settled_at) VALUES ($1, $2, 2023, 'DRG', 'BR25', 702900, 1286035, 60000, "
                        + "642900, 'NONE', '431128/2020-01-01', $3, DATE '2023-03-14', FALSE, $4)")
                .execute(Tuple.of(stored, GOLDEN.institutionId().value(), GOLDEN.residenceDivision().value(), OffsetDateTime.now()))
                .await().atMost(Duration.ofSeconds(10));

        settle(discharge("431128", EventId.of(stored), ORDINARY));
        assertThat(counts.knows(earlier)).as("P's key, never loaded").isFalse();

        settle(inYear(discharge("431128", null, ORDINARY), 2023));
        assertCounts(earlier, 1, 0);
    }

    private void assertCounts(ReviewCounts.Key key, long cases, long reviews) {
        assertThat(counts.of(key)).as("in memory, %s", key).containsExactly(cases, reviews);
        assertThat(TableCounts.of(pool, key)).as("a fresh load from the table, %s", key).containsExactly(cases, reviews);
    }

    private void settle(InpatientDischarged... discharges) {
        CaseSettlementService.BatchResult result = OnVertxContext.run(vertx, () -> settlements.settle(List.of(discharges))).join();
        assertThat(result.refused()).isEmpty();
    }

    private void remember() {
        OnVertxContext.run(vertx, () -> settlements.remember(INSTITUTION)).join();
    }

    private String outlier(InpatientDischarged discharge) {
        return pool.preparedQuery("SELECT outlier FROM case_settlement WHERE discharge_event_id = $1")
                .execute(Tuple.of(discharge.eventId().asUuid())).await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
    }

    /** A stay of the golden discharge without an episode, insured in {@code area}, costing {@code total}. */
    private static InpatientDischarged discharge(String area, EventId corrects, String total) {
        return new InpatientDischarged(EventId.random(), GOLDEN.occurredAt(), GOLDEN.institutionId(), GOLDEN.departmentId(),
                GOLDEN.patient(), GOLDEN.residenceDivision(), DivisionCode.of(area), GOLDEN.principalDiagnosis(), GOLDEN.procedures(),
                GOLDEN.drgGroup(), new Charges(Money.ofYuan(total), Money.ZERO, Money.ZERO), GOLDEN.dischargeMode(),
                GOLDEN.admissionDate(), GOLDEN.dischargeDate(), GOLDEN.lengthOfStayDays(), null, corrects);
    }

    private static InpatientDischarged inYear(InpatientDischarged d, int year) {
        LocalDate admitted = d.admissionDate().withYear(year);
        LocalDate discharged = d.dischargeDate().withYear(year);
        return new InpatientDischarged(d.eventId(), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(),
                d.residenceDivision(), d.insuredAreaDivision(), d.principalDiagnosis(), d.procedures(), d.drgGroup(), d.charges(),
                d.dischargeMode(), admitted, discharged, d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }
}
