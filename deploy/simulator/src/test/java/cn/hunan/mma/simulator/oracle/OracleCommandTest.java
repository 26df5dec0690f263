package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.topic.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.SmallHunan.CENTRAL_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

class OracleCommandTest {

    @TempDir
    Path dir;

    private Path events;
    private Path matrix;

    @BeforeEach
    void an_event_file_and_its_matrix() {
        matrix = SmallHunan.writeTo(dir.resolve("matrix"));
        events = deliveries()
                .deliver(visit("v-1").costing("50.00", "30.00").build())
                .deliver(visit("v-1").costing("50.00", "30.00").build())
                .deliver(discharge("d-1").build())
                .deliver(discharge("d-2").from(CENTRAL_HOSPITAL).build())
                .deliver(visit("next spring").on("2026-03-01T09:00").build())
                .deliverRaw(Topics.OUTPATIENT_VISITS, TOWNSHIP_CENTRE.value(), "{\"type\":")
                .writeTo(dir.resolve("events.jsonl.gz"));
    }

    @Test
    void writes_the_report_as_json_and_a_summary_on_stdout() throws IOException {
        StringWriter console = new StringWriter();

        int exitCode = oracle(console, "--events", events.toString(), "--matrix", matrix.toString(),
                "--out", dir.resolve("report.json").toString(), "--now", "2026-01-01T00:00:00Z");

        assertThat(exitCode).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode county = report.path("figures").path("COUNTY:430321").path("2025");
        assertThat(county.path("visits").asLong()).isEqualTo(1);
        assertThat(county.path("fund-paid").asText()).isEqualTo("4030.00");
        // two stays of 湘潭县 residents, one of them in 雨湖区: 1 / 2, written with its scale
        assertThat(county.path("inpatient.out-of-area-share").path("ratio").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"ratio\" : 0.500000");
        assertThat(report.path("delivery").path("deadLettered").path("byReason").path("TIMESTAMP_IN_FUTURE").asLong()).isEqualTo(1);
        assertThat(console.toString())
                .contains("events.jsonl.gz: 6 lines, 3 records counted")
                .contains("dead-lettered 2 (MALFORMED_JSON 1, TIMESTAMP_IN_FUTURE 1)")
                .contains("duplicates ignored 1")
                .contains("PROVINCE:430000 2025: visits 1 admissions 0 discharges 2 fund-paid 8030.00");
    }

    @Test
    void two_runs_over_the_same_input_write_identical_reports() throws IOException {
        oracle(new StringWriter(), "--events", events.toString(), "--matrix", matrix.toString(),
                "--out", dir.resolve("first.json").toString());
        oracle(new StringWriter(), "--events", events.toString(), "--matrix", matrix.toString(),
                "--out", dir.resolve("second.json").toString());

        assertThat(Files.readAllBytes(dir.resolve("second.json"))).isEqualTo(Files.readAllBytes(dir.resolve("first.json")));
    }

    @Test
    void a_later_clock_accepts_what_an_earlier_one_dead_letters() throws IOException {
        oracle(new StringWriter(), "--events", events.toString(), "--matrix", matrix.toString(),
                "--out", dir.resolve("later.json").toString(), "--now", "2027-01-01T00:00:00Z");

        JsonNode report = new ObjectMapper().readTree(dir.resolve("later.json").toFile());
        assertThat(report.path("figures").path("INSTITUTION:430321T0001").path("2026").path("visits").asLong()).isEqualTo(1);
        assertThat(report.path("delivery").path("deadLettered").path("total").asLong()).isEqualTo(1);
    }

    private static int oracle(StringWriter console, String... args) {
        CommandLine commandLine = new CommandLine(new OracleCommand());
        commandLine.setOut(new PrintWriter(console));
        return commandLine.execute(args);
    }
}
