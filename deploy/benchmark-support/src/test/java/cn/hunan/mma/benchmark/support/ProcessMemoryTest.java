package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessMemoryTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 6000000 kB
            VmHWM:\t  524288 kB
            VmRSS:\t  409600 kB
            Threads:\t42
            """;

    @Test
    void reads_current_and_peak_resident_memory() {
        ProcessMemory memory = ProcessMemory.parse(STATUS);

        assertThat(memory.rssKib()).isEqualTo(409_600);
        assertThat(memory.peakRssKib()).isEqualTo(524_288);
        assertThat(memory.rssMib()).isEqualTo(400.0);
        assertThat(memory.peakRssMib()).isEqualTo(512.0);
    }

    @Test
    void refuses_a_status_without_the_fields() {
        assertThatThrownBy(() -> ProcessMemory.parse("Name:\tjava\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_this_very_process() {
        assertThat(ProcessMemory.of(ProcessHandle.current().pid())).hasValueSatisfying(memory ->
                assertThat(memory.peakRssKib()).isGreaterThanOrEqualTo(memory.rssKib()).isPositive());
    }

    @Test
    void environment_names_follow_microprofile_config() {
        assertThat(ServiceJvm.environmentName("quarkus.datasource.password")).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
        assertThat(ServiceJvm.environmentName("mma.navigation.public-rate-limit.per-second"))
                .isEqualTo("MMA_NAVIGATION_PUBLIC_RATE_LIMIT_PER_SECOND");
    }
}
