package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuSplitTest {

    @Test
    void each_tree_is_charged_what_it_spent_between_start_and_end() {
        Map<Long, Long> cpu = new HashMap<>(Map.of(1L, 10_000L, 2L, 4_000L, 3L, -1L));
        CpuSplit split = new CpuSplit().track("service", () -> cpu.get(1L)).track("harness", () -> cpu.get(2L))
                .track("gone", () -> cpu.get(3L));

        split.start(0);
        cpu.put(1L, 25_000L); // 15 s of CPU
        cpu.put(2L, 9_000L);  //  5 s
        CpuSplit.Window window = split.end(10_000_000_000L); // over 10 s

        assertThat(window.cpuMillis()).containsEntry("service", 15_000L).containsEntry("harness", 5_000L).containsEntry("gone", -1L);
        assertThat(window.cores("service")).isCloseTo(1.5, within(1e-9));
        assertThat(window.cores("harness")).isCloseTo(0.5, within(1e-9));
        assertThat(window.total()).isEqualTo(20_000L);
    }

    @Test
    void the_postmaster_pid_is_the_first_line_of_postmaster_pid_and_minus_one_without_it(@TempDir Path dataDir) throws Exception {
        assertThat(CpuSplit.postmasterPid(dataDir)).isEqualTo(-1);

        Files.writeString(dataDir.resolve("postmaster.pid"), "4711\n/work/.local/postgres\n1732460000\n5432\n");

        assertThat(CpuSplit.postmasterPid(dataDir)).isEqualTo(4711);
    }
}
