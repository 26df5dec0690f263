package cn.hunan.mma.benchmark.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BedProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DepartmentCapacity CARDIOLOGY = new DepartmentCapacity("430321H0001", "cardiology", 40, 6, 30);

    @Test
    void the_report_carries_figures_unique_to_the_probe() {
        var report = new BedProbe(CARDIOLOGY, 7).report(Instant.parse("2025-03-14T01:00:00Z"));

        assertThat(report.institutionId().value()).isEqualTo("430321H0001");
        assertThat(report.departmentId().value()).isEqualTo("cardiology");
        assertThat(report.total()).isEqualTo(1007);
        assertThat(report.occupied()).isEqualTo(7);
        assertThat(report.reserved()).isEqualTo(0);
    }

    @Test
    void is_visible_when_the_capacity_api_shows_its_beds() throws Exception {
        var answer = JSON.readTree("""
                {"institutionId": "430321H0001", "departmentId": "cardiology", "slots": null,
                 "beds": {"total": 1007, "occupied": 7, "reserved": 0, "freeForPublic": 1000}}""");

        assertThat(new BedProbe(CARDIOLOGY, 7).visibleIn(answer)).isTrue();
    }

    @Test
    void is_not_visible_while_the_api_still_shows_the_previous_probe_or_no_beds() throws Exception {
        var previous = JSON.readTree("""
                {"beds": {"total": 1006, "occupied": 6, "reserved": 6}}""");
        var slotsOnly = JSON.readTree("""
                {"slots": {"publicSlots": {"published": 20}}, "beds": null}""");

        assertThat(new BedProbe(CARDIOLOGY, 7).visibleIn(previous)).isFalse();
        assertThat(new BedProbe(CARDIOLOGY, 7).visibleIn(slotsOnly)).isFalse();
    }
}
