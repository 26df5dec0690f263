package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.support.SupportMetricsReported;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static cn.hunan.mma.scoring.streams.ScoringWorld.CITY_HOSPITAL;
import static cn.hunan.mma.scoring.streams.ScoringWorld.COUNTY_COMMUNITY;
import static cn.hunan.mma.scoring.streams.ScoringWorld.COUNTY_HOSPITAL;
import static cn.hunan.mma.scoring.streams.ScoringWorld.PROVINCIAL_HOSPITAL;
import static cn.hunan.mma.scoring.streams.ScoringWorld.TOWNSHIP_CENTRE;
import static cn.hunan.mma.scoring.streams.ScoringWorld.VILLAGE_CLINIC;
import static cn.hunan.mma.scoring.streams.ScoringWorld.discharge;
import static cn.hunan.mma.scoring.streams.ScoringWorld.newId;
import static cn.hunan.mma.scoring.streams.ScoringWorld.visit;
import static org.assertj.core.api.Assertions.assertThat;

/** The real topology on {@code TopologyTestDriver}; every expected number is worked out by hand in the test. */
class ScoringTopologyTest {

    private static final Instant MARCH_10 = Instant.parse("2025-03-10T02:00:00Z");
    private final ScoringWorld world = new ScoringWorld();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_duplicate_event_id_counts_once() {
        OutpatientVisitRecorded visit = visit(COUNTY_HOSPITAL, MARCH_10);
        world.send(Topics.OUTPATIENT_VISITS, visit);
        world.send(Topics.OUTPATIENT_VISITS, visit);
        world.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("visits")).isEqualTo(1);
        // One county-hospital visit and one township visit: 2 visits, 1 at primary level.
        assertThat(world.totals("COUNTY:430321", "2025-03").of("visits")).isEqualTo(2);
        assertThat(world.totals("COUNTY:430321", "2025-03").of("visits.primary-level")).isEqualTo(1);
    }

    @Test
    void a_correction_replaces_the_values_of_the_event_it_names() {
        EventId original = newId();
        world.send(Topics.INPATIENT, discharge(original, COUNTY_HOSPITAL, MARCH_10, "1000.00", DischargeMode.ON_MEDICAL_ADVICE, null));
        world.send(Topics.INPATIENT, discharge(newId(), COUNTY_HOSPITAL, MARCH_10.plusSeconds(86_400), "1500.00",
                DischargeMode.ON_MEDICAL_ADVICE, original));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges.charges-total")).isEqualTo(150_000);
    }

    @Test
    void a_correction_arriving_before_its_original_still_wins() {
        EventId original = newId();
        world.send(Topics.INPATIENT, discharge(newId(), COUNTY_HOSPITAL, MARCH_10, "1500.00", DischargeMode.ON_MEDICAL_ADVICE, original));
        world.send(Topics.INPATIENT, discharge(original, COUNTY_HOSPITAL, MARCH_10, "1000.00", DischargeMode.ON_MEDICAL_ADVICE, null));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges.charges-total")).isEqualTo(150_000);
    }

    @Test
    void in_a_chain_of_corrections_only_the_last_counts_and_a_correction_may_move_the_month() {
        EventId original = newId();
        EventId first = newId();
        world.send(Topics.INPATIENT, discharge(original, COUNTY_HOSPITAL, MARCH_10, "1000.00", DischargeMode.ON_MEDICAL_ADVICE, null));
        world.send(Topics.INPATIENT, discharge(first, COUNTY_HOSPITAL, MARCH_10, "1200.00", DischargeMode.ON_MEDICAL_ADVICE, original));
        // The second correction also moves the discharge from March to April.
        world.send(Topics.INPATIENT, discharge(newId(), COUNTY_HOSPITAL, Instant.parse("2025-04-02T02:00:00Z"), "1300.00",
                DischargeMode.TRANSFERRED_TO_PRIMARY_CARE, first));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges")).isZero();
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-04").of("discharges")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-04").of("inpatient.transfers-to-primary-care")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-H1").of("discharges.charges-total")).isEqualTo(130_000);
    }

    @Test
    void a_late_event_lands_in_its_month_until_the_month_closes() {
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-04-05T02:00:00Z")));
        // Stream time is 5 April: March closes on 1 April + 10 days of grace, February closed on 11 March.
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-03-30T02:00:00Z")));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-02-10T02:00:00Z")));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("visits")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-02").of("visits")).isZero();
        assertThat(world.totals("INSTITUTION:430321H0001", "2025").of("visits")).isEqualTo(2);
    }

    @Test
    void out_of_area_rates_count_residents_by_where_they_live() {
        // Five residents of 湘潭县: three treated in the county, one in the city (雨湖区), one in 长沙.
        world.send(Topics.INPATIENT, discharge(COUNTY_HOSPITAL, MARCH_10));
        world.send(Topics.INPATIENT, discharge(COUNTY_HOSPITAL, MARCH_10));
        world.send(Topics.INPATIENT, discharge(TOWNSHIP_CENTRE, MARCH_10));
        world.send(Topics.INPATIENT, discharge(CITY_HOSPITAL, MARCH_10));
        world.send(Topics.INPATIENT, discharge(PROVINCIAL_HOSPITAL, MARCH_10));

        assertThat(world.totals("COUNTY:430321", "2025-03").of("residents.discharges")).isEqualTo(5);
        assertThat(world.totals("COUNTY:430321", "2025-03").of("residents.discharges.out-of-area")).isEqualTo(2);
        assertThat(world.totals("CITY:430300", "2025-03").of("residents.discharges.out-of-area")).isEqualTo(1);
        assertThat(world.totals("PROVINCE:430000", "2025-03").of("residents.discharges.out-of-area")).isZero();
        // The county community covers 430321: the city and provincial stays are outside it.
        assertThat(world.totals("ALLIANCE:CC-430321", "2025-03").of("residents.discharges.out-of-area")).isEqualTo(2);
        // By treatment, 雨湖区 counts the city hospital's stay, not the residents of 湘潭县.
        assertThat(world.totals("COUNTY:430302", "2025-03").of("discharges")).isEqualTo(1);
        assertThat(world.totals("COUNTY:430302", "2025-03").of("residents.discharges")).isZero();
    }

    @Test
    void an_alliance_rolls_up_its_members_only() {
        world.send(Topics.OUTPATIENT_VISITS, visit(VILLAGE_CLINIC, MARCH_10));
        world.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10));
        world.send(Topics.OUTPATIENT_VISITS, visit(CITY_HOSPITAL, MARCH_10));

        assertThat(world.totals("ALLIANCE:CC-430321", "2025-03").of("visits")).isEqualTo(3);
        assertThat(world.totals("ALLIANCE:CC-430321", "2025-03").of("visits.primary-level")).isEqualTo(2);
        assertThat(world.totals("CITY:430300", "2025-03").of("visits")).isEqualTo(4);
        assertThat(world.sample("ALLIANCE:CC-430321", "2025-03")).hasSize(3);
    }

    /** A dissolved alliance is published as its lead alone covering nothing: the lead's later events count for no alliance. */
    @Test
    void after_its_dissolution_an_alliance_counts_nothing_more_though_its_lead_remains_named() {
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10));
        world.dissolveCommunity(MARCH_10.plusSeconds(3_600));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10.plusSeconds(7_200)));
        world.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10.plusSeconds(7_200)));

        // Only the visit before the dissolution; the county and the hospital count all of theirs.
        assertThat(world.totals("ALLIANCE:CC-430321", "2025-03").of("visits")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("visits")).isEqualTo(2);
        assertThat(world.totals("COUNTY:430321", "2025-03").of("visits")).isEqualTo(3);
    }

    /**
     * The dissolution restates the alliance covering nothing, and the matrix topic is compacted: the make-up it counted
     * under is kept on the scorer's own topic, so the rankings and score lookups still choose and scope it for the
     * periods it was live in (1 April Beijing time: March and the first half year, not April).
     */
    @Test
    void a_dissolved_alliance_keeps_the_makeup_it_counted_under_for_the_periods_it_was_live_in() {
        Instant aprilFirstInBeijing = Instant.parse("2025-03-31T16:00:00Z");
        world.send(Topics.OUTPATIENT_VISITS, visit(VILLAGE_CLINIC, MARCH_10));
        world.dissolveCommunity(aprilFirstInBeijing);
        world.send(Topics.OUTPATIENT_VISITS, visit(VILLAGE_CLINIC, Instant.parse("2025-04-02T02:00:00Z")));

        AllianceLifetime community = world.lifetime(COUNTY_COMMUNITY).orElseThrow();
        assertThat(community.makeup().coveredDivisions()).containsExactly(DivisionCode.of("430321"));
        assertThat(community.makeup().memberIds()).containsExactly(COUNTY_HOSPITAL, TOWNSHIP_CENTRE, VILLAGE_CLINIC);
        assertThat(community.dissolvedAt()).isEqualTo(aprilFirstInBeijing);
        assertThat(community.liveDuring(Period.parse("2025-03"))).isTrue();
        assertThat(community.liveDuring(Period.parse("2025-H1"))).isTrue();
        assertThat(community.liveDuring(Period.parse("2025-04"))).isFalse();
        assertThat(community.liveDuring(Period.parse("2025-H2"))).isFalse();
        // Counting is unchanged: nothing from the dissolution on.
        assertThat(world.totals("ALLIANCE:CC-430321", "2025-03").of("visits")).isEqualTo(1);
        assertThat(world.totals("ALLIANCE:CC-430321", "2025-04").of("visits")).isZero();
    }

    /**
     * The community counts a March visit of its village clinic; on 1 August the matrix restates it without the clinic,
     * and no event counts for it before its dissolution on 1 September. The kept make-up is the restated one — the one
     * the settlement service keeps, and the one that decides who reads the dissolved alliance: before 2026-11-25 (7) it
     * stayed the March one, and the clinic's user read the alliance again once it was dissolved. What counted is
     * unchanged: March keeps the clinic's visit.
     */
    @Test
    void a_dissolved_alliance_keeps_the_makeup_the_matrix_last_stated_while_live_though_nothing_counted_under_it() {
        world.send(Topics.OUTPATIENT_VISITS, visit(VILLAGE_CLINIC, MARCH_10));
        world.restateCommunity(Instant.parse("2025-07-31T16:00:00Z"), COUNTY_HOSPITAL, TOWNSHIP_CENTRE);
        world.advanceWallClock(AllianceMakeupKeeper.RESTATEMENT_CHECK);
        world.dissolveCommunity(Instant.parse("2025-08-31T16:00:00Z"));
        world.advanceWallClock(AllianceMakeupKeeper.RESTATEMENT_CHECK);

        AllianceLifetime community = world.lifetime(COUNTY_COMMUNITY).orElseThrow();
        assertThat(community.makeup().memberIds()).containsExactly(COUNTY_HOSPITAL, TOWNSHIP_CENTRE);
        assertThat(community.makeup().coveredDivisions()).containsExactly(DivisionCode.of("430321"));
        assertThat(community.dissolvedAt()).isEqualTo(Instant.parse("2025-08-31T16:00:00Z"));
        assertThat(world.totals("ALLIANCE:CC-430321", "2025-03").of("visits")).isEqualTo(1);
    }

    /** Like one first heard of as dissolved (a compacted matrix topic): no make-up was kept, and it has no totals here. */
    @Test
    void an_alliance_dissolved_before_it_counted_anything_has_no_makeup_to_keep() {
        world.dissolveCommunity(MARCH_10);
        world.send(Topics.OUTPATIENT_VISITS, visit(VILLAGE_CLINIC, MARCH_10.plusSeconds(3_600)));

        assertThat(world.lifetime(COUNTY_COMMUNITY)).isEmpty();
        assertThat(world.totals("ALLIANCE:CC-430321", "2025-03").of("visits")).isZero();
    }

    @Test
    void a_period_boundary_follows_china_standard_time() {
        // 2025-06-30T23:30+08:00 is still June; 2025-07-01T00:30+08:00 is July.
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-06-30T15:30:00Z")));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-06-30T16:30:00Z")));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-06").of("visits")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-H1").of("visits")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-07").of("visits")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-H2").of("visits")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025").of("visits")).isEqualTo(2);
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_with_its_reason_and_the_pipeline_moves_on() {
        world.sendRaw(Topics.OUTPATIENT_VISITS.name(), "430321H0001".getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"OutpatientVisitRecorded\",\"eventId\":".getBytes(StandardCharsets.UTF_8));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10));

        TestRecord<byte[], byte[]> dead = world.deadLetters(Topics.OUTPATIENT_VISITS).readRecord();
        DeadLetterHeaders headers = DeadLetterHeaders.readFrom(dead.headers()).orElseThrow();
        assertThat(headers.reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(headers.sourceTopic()).isEqualTo("mma.care.outpatient-visits");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).startsWith("{\"type\":\"OutpatientVisitRecorded\"");
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("visits")).isEqualTo(1);
    }

    /**
     * A village clinic's half-year support report is sent on 5 July: it counts in the half year it reports on (in its
     * last month, June), not in the half year it was sent in (helper-68: H1 had no support figures, H2 had them).
     */
    @Test
    void a_support_report_counts_in_the_period_it_reports_on_not_the_month_it_was_sent() {
        world.send(Topics.SUPPORT, new SupportMetricsReported(newId(), Instant.parse("2025-07-05T01:00:00Z"), VILLAGE_CLINIC,
                Period.halfYear(2025, 1), 3, 1, 1, new BigDecimal("1.20"), Money.ofYuan("50000.00"), true, 2, false, 0, null));

        assertThat(world.totals("INSTITUTION:" + VILLAGE_CLINIC.value(), "2025-H1").of("support.senior-physicians-seconded")).isEqualTo(2);
        assertThat(world.totals("INSTITUTION:" + VILLAGE_CLINIC.value(), "2025-06").of("support.senior-physicians-seconded")).isEqualTo(2);
        assertThat(world.totals("INSTITUTION:" + VILLAGE_CLINIC.value(), "2025-H2").of("support.senior-physicians-seconded")).isZero();
    }

    /**
     * A year's report sent in November counts in November (its period's last month, December, is beyond the ledger's
     * clock, where its duplicate and its correction could not find it: both counted, helper-69): sent twice and
     * corrected, the year holds the correction once.
     */
    @Test
    void a_support_report_sent_before_its_period_ends_counts_once_when_repeated_and_corrected() {
        EventId first = newId();
        SupportMetricsReported report = support(first, "2025-11-20T02:00:00Z", 2, null);
        world.send(Topics.SUPPORT, report);
        world.send(Topics.SUPPORT, report);
        world.send(Topics.SUPPORT, support(newId(), "2025-11-25T02:00:00Z", 3, first));

        assertThat(world.totals("INSTITUTION:" + VILLAGE_CLINIC.value(), "2025").of("support.senior-physicians-seconded")).isEqualTo(3);
        assertThat(world.totals("INSTITUTION:" + VILLAGE_CLINIC.value(), "2025-11").of("support.senior-physicians-seconded")).isEqualTo(3);
    }

    private static SupportMetricsReported support(EventId id, String sentAt, int seconded, EventId corrects) {
        return new SupportMetricsReported(id, Instant.parse(sentAt), VILLAGE_CLINIC, Period.ofYear(2025), 3, 1, 1,
                new BigDecimal("1.20"), Money.ofYuan("50000.00"), true, seconded, false, 0, corrects);
    }

    /**
     * A record dated before the platform's first year (a year 999 typed for 1999, say) is refused and dead-lettered; the
     * next one is counted. It passed the decode before 2026-11-25 (4) and threw in the period arithmetic, which stopped
     * the stream thread on the same record at every restart (helper-68).
     */
    @Test
    void a_record_dated_before_2000_is_dead_lettered_and_the_stream_moves_on() {
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("0999-03-01T00:00:00Z")));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10));

        TestRecord<byte[], byte[]> dead = world.deadLetters(Topics.OUTPATIENT_VISITS).readRecord();
        DeadLetterHeaders headers = DeadLetterHeaders.readFrom(dead.headers()).orElseThrow();
        assertThat(headers.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(headers.path()).isEqualTo("$.occurredAt");
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("visits")).isEqualTo(1);
    }

    /**
     * A hospital sending the identity card number where the pseudonym belongs: the scorer refuses the discharge and
     * dead-letters it with the number masked (kept in clear before 2026-11-25 (4), beside the settlement service's
     * masked copy on the same dead-letter topic).
     */
    @Test
    void a_discharge_with_a_national_id_for_its_patient_is_dead_lettered_with_the_number_masked() {
        String nationalId = "43032119800101123X";
        InpatientDischarged discharge = ScoringWorld.discharge(COUNTY_HOSPITAL, MARCH_10);
        String json = new String(ContractCodec.standard().encode(discharge), StandardCharsets.UTF_8)
                .replace(discharge.patient().value(), nationalId);
        world.sendRaw(Topics.INPATIENT.name(), COUNTY_HOSPITAL.value().getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));

        TestRecord<byte[], byte[]> dead = world.deadLetters(Topics.INPATIENT).readRecord();
        assertThat(DeadLetterHeaders.readFrom(dead.headers()).orElseThrow().reason()).isEqualTo(Reason.NATIONAL_ID_IN_PSEUDONYM);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).doesNotContain(nationalId).contains("*".repeat(18));
    }

    /**
     * The ledger runs on the task that read the record, so it sees a duplicate only if the duplicate sits in
     * the same partition as its original: a record under a key other than its institution is refused.
     */
    @Test
    void a_record_keyed_by_another_institution_goes_to_the_dead_letter_topic_and_counts_nowhere() {
        OutpatientVisitRecorded visit = visit(COUNTY_HOSPITAL, MARCH_10);
        world.sendKeyed(Topics.OUTPATIENT_VISITS, "430321H0002", visit);
        world.send(Topics.OUTPATIENT_VISITS, visit);

        TestRecord<byte[], byte[]> dead = world.deadLetters(Topics.OUTPATIENT_VISITS).readRecord();
        DeadLetterHeaders headers = DeadLetterHeaders.readFrom(dead.headers()).orElseThrow();
        assertThat(headers.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(headers.path()).isEqualTo("key");
        assertThat(headers.message()).contains("430321H0002").contains("430321H0001");
        // Only the correctly keyed copy counted.
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("visits")).isEqualTo(1);
        assertThat(world.deadLetters(Topics.OUTPATIENT_VISITS).isEmpty()).isTrue();
    }

    /**
     * A hospital that reports before the matrix import reaches the scorer: its records go to the dead-letter topic
     * with the reason, not into the ledger, so replaying them once the matrix holds the institution counts them.
     */
    @Test
    void a_record_of_an_institution_missing_from_the_matrix_is_dead_lettered_and_counts_once_replayed() {
        cn.hunan.mma.events.value.InstitutionId newcomer = cn.hunan.mma.events.value.InstitutionId.of("430321H0099");
        OutpatientVisitRecorded early = visit(newcomer, MARCH_10);
        world.send(Topics.OUTPATIENT_VISITS, early);

        TestRecord<byte[], byte[]> dead = world.deadLetters(Topics.OUTPATIENT_VISITS).readRecord();
        DeadLetterHeaders headers = DeadLetterHeaders.readFrom(dead.headers()).orElseThrow();
        assertThat(headers.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(headers.path()).isEqualTo("institutionId");
        assertThat(headers.message()).contains("430321H0099");
        assertThat(world.totals("COUNTY:430321", "2025-03").of("visits")).isZero();

        world.addInstitution(newcomer, Level.COUNTY, "430321");
        world.sendRaw(Topics.OUTPATIENT_VISITS.name(), dead.key(), dead.value());

        assertThat(world.totals("COUNTY:430321", "2025-03").of("visits")).isEqualTo(1);
        assertThat(world.deadLetters(Topics.OUTPATIENT_VISITS).isEmpty()).isTrue();
    }

    @Test
    void a_discharge_counts_for_the_treating_institution_at_discharge_time() {
        InpatientDischarged stay = discharge(CITY_HOSPITAL, MARCH_10);
        world.send(Topics.INPATIENT, stay);

        assertThat(world.totals("INSTITUTION:430302H0101", "2025-03").of("discharges.length-of-stay-days")).isEqualTo(5);
        assertThat(world.totals("CITY:430300", "2025-03").of("discharges")).isEqualTo(1);
    }

    // Ledger bounds. GRACE is 10 days: the ledger closes March at 1 April 00:00 CST (31 March 16:00 UTC) + 10 days
    // = 10 April 16:00 UTC, and deletes its entries then. (One input partition here, so the watermark is its time.)

    @Test
    void a_closed_month_leaves_the_ledger_and_a_duplicate_arriving_after_it_is_not_counted() {
        OutpatientVisitRecorded march = visit(COUNTY_HOSPITAL, MARCH_10);
        world.send(Topics.OUTPATIENT_VISITS, march);
        // 10 April 10:00 UTC: March is still open, the ledger holds it.
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-04-10T10:00:00Z")));
        assertThat(world.ledgerEntries("2025-03")).isEqualTo(1);
        assertThat(world.ledgerEntries("2025-04")).isEqualTo(1);

        // 10 April 17:00 UTC: past 10 April 16:00 UTC, March is closed and its entries are deleted.
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-04-10T17:00:00Z")));
        assertThat(world.ledgerEntries("2025-03")).isZero();
        assertThat(world.ledgerEntries("2025-04")).isEqualTo(2);

        // The March visit again: its first arrival's entry is gone, yet it is not counted a second time.
        world.send(Topics.OUTPATIENT_VISITS, march);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("visits")).isEqualTo(1);
        assertThat(world.totals("COUNTY:430321", "2025-03").of("visits")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-04").of("visits")).isEqualTo(2);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025").of("visits")).isEqualTo(3);
        assertThat(world.ledgerEntries("2025-03")).isZero();
    }

    @Test
    void a_correction_within_the_grace_still_replaces_its_original() {
        EventId original = newId();
        world.send(Topics.INPATIENT, discharge(original, COUNTY_HOSPITAL, Instant.parse("2025-03-28T02:00:00Z"), "1000.00",
                DischargeMode.ON_MEDICAL_ADVICE, null));
        // 9 April: March is still open (until 10 April 16:00 UTC).
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, Instant.parse("2025-04-09T02:00:00Z")));
        world.send(Topics.INPATIENT, discharge(newId(), COUNTY_HOSPITAL, Instant.parse("2025-03-28T02:00:00Z"), "1500.00",
                DischargeMode.ON_MEDICAL_ADVICE, original));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges")).isEqualTo(1);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges.charges-total")).isEqualTo(150_000);
    }

    @Test
    void a_correction_of_an_event_in_a_retired_month_counts_in_its_own_month_and_takes_nothing_out() {
        EventId original = newId();
        world.send(Topics.INPATIENT, discharge(original, COUNTY_HOSPITAL, Instant.parse("2025-03-28T02:00:00Z"), "1000.00",
                DischargeMode.ON_MEDICAL_ADVICE, null));
        // Dated 12 April: March is closed and retired by the time the correction arrives; as before the bounds,
        // the March discharge stays (a closed month takes no change) and the correction counts in April.
        world.send(Topics.INPATIENT, discharge(newId(), COUNTY_HOSPITAL, Instant.parse("2025-04-12T02:00:00Z"), "1500.00",
                DischargeMode.ON_MEDICAL_ADVICE, original));

        assertThat(world.totals("INSTITUTION:430321H0001", "2025-03").of("discharges.charges-total")).isEqualTo(100_000);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-04").of("discharges.charges-total")).isEqualTo(150_000);
        assertThat(world.totals("INSTITUTION:430321H0001", "2025-H1").of("discharges")).isEqualTo(2);
    }
}
