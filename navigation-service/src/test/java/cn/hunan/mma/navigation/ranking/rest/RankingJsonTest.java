package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.Candidate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written answer says exactly what Jackson says of the documented {@link CandidateView}s. */
class RankingJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static final Candidate KEY_DEPARTMENT = new Candidate(InstitutionId.of("430321H0002"), "湘潭县人民医院",
            Level.COUNTY, DepartmentId.of("neurology"), "神经内科", SpecialtyTag.KEY, 318.4,
            List.of("at the target level COUNTY (catalogue: I63 → COUNTY)", "key specialty (重点专科)", "12 public slots open",
                    "3.2 km away"), OptionalInt.of(12));
    private static final Candidate AWKWARD_TEXT = new Candidate(InstitutionId.of("430321H0003"),
            "\"Quoted\" \\ back\\slash\ttab\nnew line \u0001 \u001f controls \u2028 separator 😀", Level.CITY,
            DepartmentId.of("cardiology"), "", SpecialtyTag.ORDINARY, -12.0, List.of(), OptionalInt.empty());

    @Test
    void the_answer_is_what_jackson_writes_for_the_documented_view() throws Exception {
        List<Candidate> ranking = List.of(KEY_DEPARTMENT, AWKWARD_TEXT,
                new Candidate(InstitutionId.of("430321H0004"), "x", Level.PROVINCE, DepartmentId.of("icu"), "ICU",
                        SpecialtyTag.ADVANTAGE, 1.0E-5, List.of("no live slot figures"), OptionalInt.of(0)));

        String written = new String(RankingJson.of(ranking), StandardCharsets.UTF_8);

        String jackson = JACKSON.writeValueAsString(ranking.stream().map(CandidateView::of).toList());
        assertThat(JACKSON.readTree(written)).isEqualTo(JACKSON.readTree(jackson));
        assertThat(written).isEqualTo(jackson);
    }

    @Test
    void an_empty_ranking_is_an_empty_array() {
        assertThat(new String(RankingJson.of(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void missing_optional_figures_are_null() throws Exception {
        JsonNode node = JACKSON.readTree(RankingJson.of(List.of(AWKWARD_TEXT))).get(0);

        assertThat(node.get("openSlots").isNull()).isTrue();
        assertThat(node.get("institutionName").asText()).isEqualTo(AWKWARD_TEXT.institutionName());
        assertThat(node.get("score").asDouble()).isEqualTo(-12.0);
    }

    @Test
    void reasons_written_in_parts_read_as_the_same_text_with_numbers_as_java_writes_them() {
        long[] numbers = {0, 7, 10, 99, 100, 4_321, -1, -45, Long.MAX_VALUE, Long.MIN_VALUE};
        RankingJson parts = RankingJson.start();
        parts.startCandidate(InstitutionId.of("430321H0002"), "湘潭县人民医院", Level.COUNTY, DepartmentId.of("neurology"),
                "神经内科", SpecialtyTag.KEY, 318.4, 12);
        List<String> wholeReasons = new java.util.ArrayList<>();
        for (long number : numbers) {
            parts.reason().text("had ").number(number).text(" → \"slots\"").endReason();
            wholeReasons.add("had " + number + " → \"slots\"");
        }
        parts.endCandidate();
        byte[] written = RecommendationAnswers.Answer.ranking(parts.finishPooled()).takeBytes();

        byte[] whole = RankingJson.of(List.of(new Candidate(InstitutionId.of("430321H0002"), "湘潭县人民医院",
                Level.COUNTY, DepartmentId.of("neurology"), "神经内科", SpecialtyTag.KEY, 318.4, wholeReasons,
                OptionalInt.of(12))));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(whole, StandardCharsets.UTF_8))
                .contains("\"had -9223372036854775808 → \\\"slots\\\"\"", "\"had 4321 → ");
    }

    @Test
    void the_pooled_answer_holds_the_same_bytes_and_taking_them_releases_it() {
        Candidate candidate = new Candidate(InstitutionId.of("430321H0002"), "湘潭县人民医院", Level.COUNTY,
                DepartmentId.of("neurology"), "神经内科", SpecialtyTag.KEY, 318.4, List.of("有号源 12 个"), OptionalInt.of(12));
        byte[] asArray = RankingJson.of(List.of(candidate));

        RankingJson writer = RankingJson.start();
        writer.startCandidate(candidate.institutionId(), candidate.institutionName(), candidate.level(),
                candidate.departmentId(), candidate.departmentName(), candidate.tag(), candidate.score(), 12);
        writer.reason().text("有号源 ").number(12).text(" 个").endReason();
        writer.endCandidate();
        RecommendationAnswers.Answer answer = RecommendationAnswers.Answer.ranking(writer.finishPooled());
        io.netty.buffer.ByteBuf pooled = answer.json();

        assertThat(pooled.isDirect()).isTrue();
        assertThat(answer.takeBytes()).isEqualTo(asArray);
        assertThat(pooled.refCnt()).as("released by takeBytes").isZero();
    }
}
