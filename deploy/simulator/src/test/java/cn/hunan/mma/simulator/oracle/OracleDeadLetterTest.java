package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.Events.yuan;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class OracleDeadLetterTest {

    private static final Period YEAR = Period.ofYear(2025);
    private static final String TOWNSHIP_KEY = TOWNSHIP_CENTRE.value();

    @TempDir
    Path dir;

    @Test
    void a_malformed_line_is_dead_lettered_and_not_counted() {
        String visitJson = json(visit("visit-2").costing("70.00", "40.00").build());

        OracleReport report = deliveries()
                .deliver(visit("visit-1").costing("50.00", "30.00").build())
                .deliverRaw(Topics.OUTPATIENT_VISITS, TOWNSHIP_KEY, visitJson.substring(0, visitJson.length() / 2))
                .throughTheOracle(dir);

        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), YEAR, "visits")).isEqualTo(1);
        assertThat(report.money(scopeOf(TOWNSHIP_CENTRE), YEAR, "fund-paid")).isEqualTo(yuan("30.00"));
        assertThat(report.delivery().deadLettered()).containsExactly(entry(Reason.MALFORMED_JSON, 1L));
        assertThat(report.delivery().lines()).isEqualTo(2);
        assertThat(report.delivery().countedTotal()).isEqualTo(1);
    }

    @Test
    void dead_letters_are_counted_per_reason_as_the_codec_gives_it() {
        String visitJson = json(visit("visit-1").build());
        String negativeFund = visitJson.replace("\"fundPaid\":\"30.00\"", "\"fundPaid\":\"-30.00\"");
        String idNumberAsPatient = visitJson.replace(Events.patient("visitor").value(), "123456789012345678");

        OracleReport report = deliveries()
                .deliverRaw(Topics.OUTPATIENT_VISITS, TOWNSHIP_KEY, negativeFund)
                .deliverRaw(Topics.OUTPATIENT_VISITS, TOWNSHIP_KEY, idNumberAsPatient)
                .deliverRaw(Topics.OUTPATIENT_VISITS, "not a key!", visitJson)
                .deliverRaw(Topics.OUTPATIENT_VISITS, COUNTY_HOSPITAL.value(), json(discharge("stay-1").build()))
                .deliver(visit("from the future").on("2026-03-01T09:00").build())
                .throughTheOracle(dir);

        assertThat(report.delivery().deadLettered()).containsOnly(
                entry(Reason.NEGATIVE_MONEY, 1L),
                entry(Reason.NATIONAL_ID_IN_PSEUDONYM, 1L),
                entry(Reason.MALFORMED_ID, 1L),
                entry(Reason.UNEXPECTED_EVENT_TYPE, 1L),
                entry(Reason.TIMESTAMP_IN_FUTURE, 1L));
        assertThat(report.delivery().countedTotal()).isZero();
        assertThat(report.scopes()).isEmpty();
    }

    @Test
    void a_dead_lettered_correction_replaces_nothing() {
        String correction = json(discharge("stay-1 corrected").costing("8000.00", "5600.00").correcting("stay-1").build());

        OracleReport report = deliveries()
                .deliver(discharge("stay-1").costing("10000.00", "7000.00").build())
                .deliverRaw(Topics.INPATIENT, COUNTY_HOSPITAL.value(), correction.replace("\"8000.00\"", "\"8000.0\""))
                .throughTheOracle(dir);

        assertThat(report.money(scopeOf(COUNTY_HOSPITAL), YEAR, "fund-paid")).isEqualTo(yuan("7000.00"));
        assertThat(report.delivery().deadLettered()).containsExactly(entry(Reason.MALFORMED_MONEY, 1L));
        assertThat(report.delivery().corrections()).isZero();
    }

    @Test
    void lines_of_unknown_topics_are_reported_but_neither_dead_lettered_nor_counted() {
        OracleReport report = deliveries()
                .deliverRaw(Topics.OUTPATIENT_VISITS, TOWNSHIP_KEY, json(visit("visit-1").build()))
                .deliverRaw(Topics.OUTPATIENT_VISITS.deadLetter().name(), TOWNSHIP_KEY, json(visit("visit-2").build()))
                .throughTheOracle(dir);

        assertThat(report.delivery().unknownTopicLines()).isEqualTo(1);
        assertThat(report.delivery().deadLetteredTotal()).isZero();
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), YEAR, "visits")).isEqualTo(1);
        assertThat(report.delivery().linesByTopic()).containsOnly(
                entry(Topics.OUTPATIENT_VISITS.name(), 1L), entry(Topics.OUTPATIENT_VISITS.deadLetter().name(), 1L));
    }

    private static String json(ContractRecord record) {
        return new String(ContractCodec.standard().encode(record), StandardCharsets.UTF_8);
    }
}
