package cn.hunan.mma.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParentBoundTest {

    @Test
    void a_bound_child_is_stopped_when_its_parent_is_killed() throws IOException, InterruptedException {
        Process parent = new ProcessBuilder("sleep", "300").start();
        Process child = new ProcessBuilder(ParentBound.command(parent.pid(), List.of("sleep", "300"))).start();
        try {
            assertThat(child.isAlive()).isTrue();

            parent.destroyForcibly();

            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child ended after its parent").isTrue();
        } finally {
            parent.destroyForcibly();
            child.destroyForcibly();
        }
    }

    @Test
    void a_bound_child_runs_on_while_its_parent_lives_and_exits_with_its_own_code() throws Exception {
        Process parent = new ProcessBuilder("sleep", "300").start();
        try {
            Process child = new ProcessBuilder(ParentBound.command(parent.pid(),
                    List.of("sh", "-c", "sleep 2; exit 7"))).start();

            assertThat(child.waitFor()).isEqualTo(7);
            assertThat(parent.isAlive()).isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void the_command_keeps_its_arguments_verbatim() throws Exception {
        Process child = new ProcessBuilder(ParentBound.command(ProcessHandle.current().pid(),
                List.of("printf", "%s|", "a b", "$HOME", "'q'"))).start();

        assertThat(new String(child.getInputStream().readAllBytes())).isEqualTo("a b|$HOME|'q'|");
        assertThat(child.waitFor()).isZero();
    }
}
