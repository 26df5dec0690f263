package cn.hunan.mma.benchmark.settlement;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCpuTest {

    @Test
    void the_difference_of_two_readings_is_per_group_largest_first_with_ended_threads_in_the_total_only() {
        ServiceCpu before = new ServiceCpu(1_000, Map.of("C# CompilerThre", 600L, "vert.x-eventloop-thread-#", 100L, "gone", 50L));
        ServiceCpu after = new ServiceCpu(1_750, Map.of("C# CompilerThre", 700L, "vert.x-eventloop-thread-#", 400L,
                "kafka-consumer-#", 150L));

        ServiceCpu spent = after.since(before);

        // 1,750 − 1,000 = 750 ticks: event loop 300, consumer 150, compiler 100, and 200 in threads no longer listed.
        assertThat(spent.totalTicks()).isEqualTo(750);
        assertThat(spent.seconds()).isEqualTo(7.5);
        assertThat(spent.ticksByGroup()).containsExactly(Map.entry("vert.x-eventloop-thread-#", 300L),
                Map.entry("ended or unnamed", 200L), Map.entry("kafka-consumer-#", 150L), Map.entry("C# CompilerThre", 100L));
    }

    @Test
    void reads_this_jvms_threads_from_proc() {
        ServiceCpu cpu = ServiceCpu.read(ProcessHandle.current().pid());
        assertThat(cpu.known()).isTrue();
        assertThat(cpu.ticksByGroup()).containsKey("VM Thread");
        assertThat(cpu.ticksByGroup().values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(cpu.totalTicks() + 5);
    }
}
