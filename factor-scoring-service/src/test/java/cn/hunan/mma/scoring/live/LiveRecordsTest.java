package cn.hunan.mma.scoring.live;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.events.scoring.FactorScore;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.scoring.rest.Places;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which records become live updates, with which jurisdiction, and which are skipped and why. */
class LiveRecordsTest {

    private static final Places XIANGTAN_COMMUNITY = Places.of(new Jurisdiction(DivisionCode.of("430321"), Set.of("CC-430321"), Set.of()));
    private final LiveRecords records = new LiveRecords(ContractCodec.standard(), new ObjectMapper(),
            (kind, id) -> kind == ScoredEntityKind.ALLIANCE && id.equals("CC-430321") ? Optional.of(XIANGTAN_COMMUNITY) : Optional.empty(),
            1024);

    static byte[] score(ScoredEntityKind kind, String id, String period, String composite) {
        List<FactorScore> factors = Arrays.stream(Factor.values()).map(f -> new FactorScore(f, new BigDecimal("50.00"))).toList();
        return ContractCodec.standard().encode(new FactorScoreComputed(EventId.of(UUID.randomUUID()), Instant.parse("2025-03-12T00:00:00Z"),
                kind, id, Period.parse(period), "seed-2025.1", new BigDecimal(composite), factors));
    }

    @Test
    void a_county_score_sits_in_its_county_and_carries_composite_and_factors() {
        LiveRecords.Outcome outcome = records.score("COUNTY:430321:2025-03", score(ScoredEntityKind.COUNTY, "430321", "2025-03", "61.25"));
        LiveUpdate update = ((LiveRecords.Accepted) outcome).update();
        assertThat(update.kind()).isEqualTo("score");
        assertThat(update.places()).isEqualTo(Places.of(Jurisdiction.ofDivision(DivisionCode.of("430321"))));
        assertThat(update.json()).contains("\"kind\":\"COUNTY\"", "\"id\":\"430321\"", "\"period\":\"2025-03\"",
                "\"composite\":61.25", "\"PREVENTION\":50.00");
        assertThat(update.json()).doesNotContain("\n");
    }

    @Test
    void an_alliance_score_takes_the_alliance_jurisdiction_from_the_matrix_and_an_unknown_one_is_skipped() {
        LiveRecords.Outcome known = records.score("ALLIANCE:CC-430321:2025-03", score(ScoredEntityKind.ALLIANCE, "CC-430321", "2025-03", "70.00"));
        assertThat(((LiveRecords.Accepted) known).update().places()).isEqualTo(XIANGTAN_COMMUNITY);
        LiveRecords.Outcome unknown = records.score("ALLIANCE:CC-430999:2025-03", score(ScoredEntityKind.ALLIANCE, "CC-430999", "2025-03", "70.00"));
        assertThat(((LiveRecords.Skipped) unknown).reason()).contains("CC-430999 is not in the matrix");
    }

    @Test
    void a_surplus_projection_is_passed_on_as_it_is_under_the_alliance_and_period_of_its_key() {
        LiveRecords.Outcome outcome = records.surplus("CC-430321|2025-03", bytes("{\"budgetFen\":48875000000,\"members\":[{\"id\":\"a\",\"shareFen\":1}]}"));
        LiveUpdate update = ((LiveRecords.Accepted) outcome).update();
        assertThat(update.kind()).isEqualTo("surplus");
        assertThat(update.places()).isEqualTo(XIANGTAN_COMMUNITY);
        assertThat(update.json()).isEqualTo("{\"allianceId\":\"CC-430321\",\"period\":\"2025-03\",\"projection\":"
                + "{\"budgetFen\":48875000000,\"members\":[{\"id\":\"a\",\"shareFen\":1}]}}");
        assertThat(((LiveRecords.Accepted) records.surplus("CC-430321|2025", null)).update().json()).contains("\"projection\":null");
    }

    @Test
    void invalid_surplus_records_are_skipped_with_the_reason() {
        assertThat(reason(records.surplus("CC-430321", bytes("{}")))).contains("is not alliance|period");
        assertThat(reason(records.surplus("CC-430321|2025-13", bytes("{}")))).contains("2025-13");
        assertThat(reason(records.surplus("CC-430321|2025-03", bytes("[1,2]")))).contains("is not a JSON object");
        assertThat(reason(records.surplus("CC-430321|2025-03", bytes("{\"budget\":")))).contains("is not JSON");
        assertThat(reason(records.surplus("CC-430321|2025-03", new byte[2000]))).contains("2000 bytes, over 1024");
        assertThat(reason(records.surplus("CC-430999|2025-03", bytes("{}")))).contains("CC-430999 is not in the matrix");
    }

    private static String reason(LiveRecords.Outcome outcome) {
        return ((LiveRecords.Skipped) outcome).reason();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
