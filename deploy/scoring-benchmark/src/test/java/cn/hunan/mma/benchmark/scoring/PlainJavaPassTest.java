package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.streams.ScorerParts;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.matrix.MatrixRecords;
import cn.hunan.mma.simulator.reference.Area;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ceiling's pass on eight hand-written lines for one institution of 雨湖区 (430302H0001, in the seed-42 matrix):
 * a duplicate, a correction after its original, a correction before its original, a visit across the month boundary
 * in China Standard Time, and a malformed line.
 */
class PlainJavaPassTest {

    private static final String INSTITUTION = "430302H0001";
    private static ScorerParts parts;

    @TempDir
    Path work;

    @BeforeAll
    static void matrix() {
        MatrixRecords records = new MatrixRecords(AreaMatrix.of(MatrixGenerator.generate(MatrixOptions.defaults(42)), Area.parse("430300")));
        parts = new ScorerParts(RuleSetJson.seed(), records.institutions(), records.alliances());
    }

    @Test
    void counts_by_the_ledger_rule() throws IOException {
        Path events = write(List.of(
                visit("00000000-0000-4000-8000-000000000001", "2025-03-10T02:00:00Z", "100.00", null),
                visit("00000000-0000-4000-8000-000000000001", "2025-03-10T02:00:00Z", "100.00", null),   // duplicate: ignored
                visit("00000000-0000-4000-8000-000000000002", "2025-03-10T03:00:00Z", "200.00", null),   // corrected below: out
                visit("00000000-0000-4000-8000-000000000003", "2025-03-10T04:00:00Z", "150.50", "00000000-0000-4000-8000-000000000002"),
                visit("00000000-0000-4000-8000-000000000006", "2025-03-10T05:00:00Z", "10.01", "00000000-0000-4000-8000-000000000005"),
                visit("00000000-0000-4000-8000-000000000005", "2025-03-10T01:00:00Z", "999.99", null),   // named before it came: never counts
                visit("00000000-0000-4000-8000-000000000004", "2025-03-31T16:30:00Z", "20.00", null),    // 2025-04-01 00:30 in CST
                "mma.care.outpatient-visits\t" + INSTITUTION + "\t{not json"));

        PlainJavaPass.Result result = PlainJavaPass.run(events, parts);
        Map<String, Map<String, Long>> totals = result.totals().canonical(parts.measureIds());

        assertThat(result.lines()).isEqualTo(8);
        assertThat(result.rejected()).isEqualTo(1);
        // March: visits 1, 3 and 6; 100.00 + 150.50 + 10.01 yuan = 26,051 fen.
        assertThat(totals.get("INSTITUTION:" + INSTITUTION + "|2025-03")).containsEntry("visits", 3L).containsEntry("visits.charges-total", 26_051L);
        assertThat(totals.get("PROVINCE:430000|2025-03")).containsEntry("visits", 3L).containsEntry("visits.charges-total", 26_051L);
        assertThat(totals.get("CITY:430300|2025-03")).containsEntry("visits", 3L);
        assertThat(totals.get("INSTITUTION:" + INSTITUTION + "|2025-04")).containsEntry("visits", 1L).containsEntry("visits.charges-total", 2_000L);
        assertThat(totals.keySet()).allMatch(key -> key.endsWith("|2025-03") || key.endsWith("|2025-04"));
    }

    @Test
    void a_file_of_rejects_counts_nothing() throws IOException {
        Path events = write(List.of("mma.care.outpatient-visits\t" + INSTITUTION + "\t{}", "mma.care.outpatient-visits\tnot-an-id\t{}"));
        PlainJavaPass.Result result = PlainJavaPass.run(events, parts);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.totals().canonical(parts.measureIds())).isEmpty();
    }

    private static String visit(String eventId, String occurredAt, String total, String corrects) {
        return "mma.care.outpatient-visits\t" + INSTITUTION + "\t{\"type\":\"OutpatientVisitRecorded\",\"eventId\":\"" + eventId + "\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"institutionId\":\"" + INSTITUTION + "\",\"departmentId\":\"emergency\","
                + "\"visitKind\":\"EMERGENCY\",\"patient\":\"ea3ce33f82d37060f97b10990139920ed8048f1fce4c44fb1d92f9af5f5b57c8\","
                + "\"residenceDivision\":\"430302007003\",\"diagnosis\":\"I11.002\","
                + "\"charges\":{\"total\":\"" + total + "\",\"fundPaid\":\"1.00\",\"outOfPocket\":\"1.00\"},\"contractedFamilyDoctor\":false"
                + (corrects == null ? "" : ",\"correctsEventId\":\"" + corrects + "\"") + "}";
    }

    private Path write(List<String> lines) throws IOException {
        Path file = work.resolve("events.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
        return file;
    }
}
