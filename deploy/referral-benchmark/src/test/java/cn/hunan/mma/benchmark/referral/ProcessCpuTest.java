package cn.hunan.mma.benchmark.referral;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    @Test
    void user_and_system_ticks_are_read_after_a_command_name_with_spaces() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 66 0 0 20 0 40 0 100 0 0";

        assertThat(ProcessCpu.parseMillis(stat)).isEqualTo(13_000);
    }

    @Test
    void this_jvm_has_spent_some_cpu() {
        assertThat(ProcessCpu.millis(ProcessHandle.current().pid())).isPresent();
    }
}
