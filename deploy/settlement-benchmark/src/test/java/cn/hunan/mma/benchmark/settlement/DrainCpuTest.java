package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.benchmark.support.CpuSplit;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrainCpuTest {

    private static Map<String, Long> spent(long service, long postgres, long walsender, long kafka, long harness) {
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put(DrainCpu.SERVICE, service);
        millis.put(DrainCpu.POSTGRES, postgres);
        millis.put(DrainCpu.WALSENDER, walsender);
        millis.put(DrainCpu.KAFKA, kafka);
        millis.put(DrainCpu.HARNESS, harness);
        return millis;
    }

    @Test
    void each_process_is_charged_per_case_and_the_sum_caps_the_rate_the_cpus_allow() {
        // 100,000 cases in 10 s: service 3,370 ms = 33.7 µs a case, PostgreSQL 2,630 + walsender 400 = 30.3, broker 3.7,
        // harness 0.4; 6,810 ms in all = 68.1 µs a case, 0.681 cores; 2 CPUs / 68.1 µs = 29,368.6/s, ≈ 29,400.
        // The box: 8,000 ms busy = 0.80 cores, 1,190 ms of it other processes = 0.119 cores.
        DrainCpu cpu = new DrainCpu(new CpuSplit.Window(10.0, spent(3_370, 2_630, 400, 370, 40)), 100_000, 2, 8_000);

        assertThat(cpu.micros(DrainCpu.SERVICE)).isCloseTo(33.7, within(1e-9));
        assertThat(cpu.postgresMicros()).isCloseTo(30.3, within(1e-9));
        assertThat(cpu.totalMicros()).isCloseTo(68.1, within(1e-9));
        assertThat(cpu.cores()).isCloseTo(0.681, within(1e-9));
        assertThat(cpu.ceilingPerSecond()).isCloseTo(29_368.6, within(0.1));
        assertThat(cpu.lines()).containsExactly(
                "box CPU while draining: service 33.7 µs per case, PostgreSQL 30.3 (walsender 4.0), Kafka broker 3.7, harness 0.4"
                        + " → 68.1 µs per case = 0.68 cores over the 10.0 s window (2 vCPU: at most ≈ 29,400 cases/s at this cost)",
                "    (100,000 cases published after readiness; /proc: service and harness as processes, PostgreSQL and the broker"
                        + " as process trees; the whole box was 0.80 cores busy, 0.12 of them other processes)");
    }

    @Test
    void an_unreadable_process_is_named_and_the_sum_is_a_floor() {
        // The broker unreadable: 3,370 + 2,630 + 400 + 40 = 6,440 ms = 64.4 µs a case at least; 4 CPUs / 64.4 µs = 62,111.8/s.
        DrainCpu cpu = new DrainCpu(new CpuSplit.Window(10.0, spent(3_370, 2_630, 400, -1, 40)), 100_000, 4, -1);

        assertThat(cpu.lines().get(0)).contains("Kafka broker unreadable").contains("→ ≥ 64.4 µs per case")
                .contains("(4 vCPU: at most ≈ 62,100 cases/s");
        assertThat(cpu.lines().get(1)).doesNotContain("whole box");
    }

    @Test
    void nothing_published_after_readiness_is_not_measured() {
        assertThat(new DrainCpu(new CpuSplit.Window(10.0, spent(100, 100, 0, 100, 10)), 0, 2, 1_000).lines())
                .containsExactly("box CPU while draining        not measured (no /proc, or nothing published after readiness)");
    }

    @Test
    void walsenders_are_told_apart_by_the_title_postgresql_gives_them() {
        assertThat(DrainCpu.IS_WALSENDER).accepts("postgres: walsender postgres 127.0.0.1(41234) START_REPLICATION",
                "postgres: settlement: walsender postgres [local] idle");
        assertThat(DrainCpu.IS_WALSENDER).rejects("postgres: checkpointer", "postgres: postgres settlement 127.0.0.1(41236) idle",
                "/usr/lib/postgresql/bin/postgres -D /data", "java -jar walsender.jar");
    }
}
