package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.support.SupportMetricsReported;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.IndicatorResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static cn.hunan.mma.scoring.streams.ScoringWorld.COUNTY_HOSPITAL;
import static cn.hunan.mma.scoring.streams.ScoringWorld.TOWNSHIP_CENTRE;
import static cn.hunan.mma.scoring.streams.ScoringWorld.VILLAGE_CLINIC;
import static cn.hunan.mma.scoring.streams.ScoringWorld.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's capability (能力) and support (保障) indicators over support reports (DOMAIN §6): the capability standard is
 * a township centre's, and staff and seconded physicians are headcounts, which a half year or a year does not add up.
 */
class SupportMeasuresTest {

    private static final String COMMUNITY = "ALLIANCE:CC-430321";
    private static final String TOWNSHIP = "INSTITUTION:" + TOWNSHIP_CENTRE.value();
    private final ScoringWorld world = new ScoringWorld();

    @AfterEach
    void close() {
        world.close();
    }

    /**
     * March: the township centre meets the standard; the county hospital and the village clinic, which the standard is not
     * about, report {@code false} as they always do. The community's share is 1 of 1 township centre → 100.00 (against
     * the 0.8 target); divided by every report it was 1 of 3 → 41.67. The county hospital has no share at all.
     */
    @Test
    void only_township_centres_count_towards_the_capability_standard() {
        monthlyReport(COUNTY_HOSPITAL, 3, 0, 200, false);
        monthlyReport(TOWNSHIP_CENTRE, 3, 1, 30, true);
        monthlyReport(VILLAGE_CLINIC, 3, 0, 3, false);

        IndicatorResult community = indicator(world.score(COMMUNITY, "2025-03"), "capability.township-standard-share");
        assertThat(community.denominator()).isEqualTo(1);
        assertThat(community.score()).isEqualByComparingTo("100.00");
        assertThat(indicator(world.score("INSTITUTION:" + COUNTY_HOSPITAL.value(), "2025-03"), "capability.township-standard-share")
                .score()).isNull();
    }

    /**
     * The township centre reports 1 seconded senior physician and 30 staff (12 physicians) in each month January–June,
     * and ¥20,000.00 of funding each month. A month: 1 of the target 2 → 50.00, 30 of 50 staff → 60.00. The half year
     * holds the same headcounts (the last month's report), not six times them (6 → 100.00, 180 → 100.00 before); funding
     * is an amount received, so the half year adds it up: ¥120,000.00 of the ¥100,000 target → 100.00 (a month 20.00).
     */
    @Test
    void a_half_year_keeps_the_headcounts_of_its_last_report_and_adds_up_the_funding() {
        for (int month = 1; month <= 6; month++) {
            monthlyReport(TOWNSHIP_CENTRE, month, 1, 30, true);
        }

        EntityScore march = world.score(TOWNSHIP, "2025-03");
        assertThat(indicator(march, "capability.senior-physicians-seconded").score()).isEqualByComparingTo("50.00");
        assertThat(indicator(march, "support.staff-reported").score()).isEqualByComparingTo("60.00");
        assertThat(indicator(march, "support.funding-delivered").score()).isEqualByComparingTo("20.00");

        EntityScore half = world.score(TOWNSHIP, "2025-H1");
        assertThat(indicator(half, "capability.senior-physicians-seconded").numerator()).isEqualTo(1);
        assertThat(indicator(half, "capability.senior-physicians-seconded").score()).isEqualByComparingTo("50.00");
        assertThat(indicator(half, "support.staff-reported").numerator()).isEqualTo(30);
        assertThat(indicator(half, "support.staff-reported").score()).isEqualByComparingTo("60.00");
        assertThat(indicator(half, "capability.physician-share").value()).isEqualByComparingTo("0.4");
        assertThat(indicator(half, "support.funding-delivered").numerator()).isEqualTo(12_000_000);
        assertThat(indicator(half, "support.funding-delivered").score()).isEqualByComparingTo("100.00");
    }

    /**
     * A county community's half year, as DOMAIN's reporting rhythm has it: the township centre reports every month, the
     * village clinic once for the half year (counted in June, the half year's last month). The half year's staff is
     * both institutions' last reports, 30 + 3 = 33, not 6 × 30 + 3; and when the township's June report states 0
     * seconded physicians, the half year has 0, not May's 1.
     */
    @Test
    void a_community_half_year_adds_up_each_institutions_last_report() {
        for (int month = 1; month <= 5; month++) {
            monthlyReport(TOWNSHIP_CENTRE, month, 1, 30, true);
        }
        monthlyReport(TOWNSHIP_CENTRE, 6, 0, 30, true);
        world.send(Topics.SUPPORT, new SupportMetricsReported(newId(), Instant.parse("2025-06-28T02:00:00Z"), VILLAGE_CLINIC,
                Period.halfYear(2025, 1), 3, 1, 1, new BigDecimal("1.20"), cn.hunan.mma.events.value.Money.ofYuan("5000.00"),
                true, 0, false, 0, null));

        EntityScore half = world.score(COMMUNITY, "2025-H1");
        assertThat(indicator(half, "support.staff-reported").numerator()).isEqualTo(33);
        assertThat(indicator(half, "capability.senior-physicians-seconded").numerator()).isZero();
        // The standard: 6 township reports, all meeting it; the village clinic's report is not about it.
        assertThat(indicator(half, "capability.township-standard-share").denominator()).isEqualTo(6);
        assertThat(indicator(half, "capability.township-standard-share").score()).isEqualByComparingTo("100.00");
    }

    private void monthlyReport(InstitutionId at, int month, int seconded, int staff, boolean standardMet) {
        Instant sent = LocalDate.of(2025, month, 28).atTime(10, 0).toInstant(ZoneOffset.UTC);
        world.send(Topics.SUPPORT, new SupportMetricsReported(newId(), sent, at, Period.month(2025, month), staff, staff * 2 / 5, 0,
                new BigDecimal("1.20"), cn.hunan.mma.events.value.Money.ofYuan("20000.00"), true, seconded, standardMet, 0, null));
    }

    private static IndicatorResult indicator(EntityScore score, String id) {
        return score.indicators().stream().filter(result -> result.indicatorId().equals(id)).findFirst().orElseThrow();
    }
}
