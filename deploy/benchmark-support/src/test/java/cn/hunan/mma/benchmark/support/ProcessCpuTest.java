package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    @Test
    void user_and_system_ticks_are_read_after_a_command_name_with_spaces() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 66 0 0 20 0 40 0 100 0 0";

        assertThat(ProcessCpu.parseMillis(stat)).isEqualTo(13_000);
    }

    @Test
    void a_tree_counts_the_reaped_children_as_well() {
        // utime 1234 + stime 66 + cutime 500 + cstime 200 ticks = 2,000 ticks = 20 s
        String stat = "77 (postgres: a b) S 1 77 77 0 -1 4194560 5000 0 0 0 1234 66 500 200 20 0 40 0 100 0 0";

        assertThat(ProcessCpu.parseTreeMillis(stat)).isEqualTo(20_000);
    }

    @Test
    void this_jvm_has_spent_some_cpu() {
        assertThat(ProcessCpu.millis(ProcessHandle.current().pid())).isPresent();
    }

    @Test
    void a_busy_child_process_counts_in_its_parents_tree_not_in_the_parent_alone() throws Exception {
        // A shell whose child burns a fixed amount of CPU (2,000,000 shell loop turns: about 2 s of CPU here, far more
        // than the 500 ms looked for), not CPU for a wall-clock time: on a busy shared machine a child burning for
        // 1.5 s of wall clock got less than 500 ms of CPU. The parent itself stays near zero.
        Process shell = new ProcessBuilder("sh", "-c",
                "sh -c 'i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done'; sleep 120").start();
        try {
            assertThat(reachingHalfASecond(() -> ProcessCpu.treeMillis(shell.pid()).orElse(0))).isGreaterThanOrEqualTo(500);
            assertThat(ProcessCpu.millis(shell.pid()).orElseThrow()).isLessThan(200);
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void descendants_are_chosen_by_their_command_line() throws Exception {
        // Two children of a shell: one burning CPU (20,000,000 loop turns, far more than the 500 ms looked for), one asleep.
        Process shell = new ProcessBuilder("sh", "-c",
                "sh -c 'i=0; while [ $i -lt 20000000 ]; do i=$((i+1)); done' & sleep 120").start();
        try {
            assertThat(reachingHalfASecond(() -> ProcessCpu.descendantsMillis(shell.pid(), line -> line.startsWith("sh -c i=0"))
                    .orElse(0))).isGreaterThanOrEqualTo(500);
            assertThat(ProcessCpu.descendantsMillis(shell.pid(), line -> line.startsWith("sleep 120")).orElseThrow()).isLessThan(200);
            assertThat(ProcessCpu.descendantsMillis(shell.pid(), line -> line.startsWith("no such command")).orElseThrow()).isZero();
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    @Test
    void the_box_is_busy_for_all_but_idle_and_iowait_with_guest_time_already_in_user() {
        // user 100 + nice 20 + system 30 + irq 4 + softirq 5 + steal 6 = 165; idle 1,000 and iowait 50 out; guest 7, 8 inside user/nice.
        assertThat(ProcessCpu.parseBoxBusyTicks("cpu  100 20 30 1000 50 4 5 6 7 8")).isEqualTo(165);
        assertThat(ProcessCpu.boxBusyMillis()).isPositive();
    }

    /** The CPU reading, polled every 50 ms until it reaches 500 ms or a minute has passed. */
    private static long reachingHalfASecond(LongSupplier cpuMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long millis = cpuMillis.getAsLong();
        while (millis < 500 && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(50);
            millis = cpuMillis.getAsLong();
        }
        return millis;
    }
}
