package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class BrokerDiesWithItsParentTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void the_broker_exits_when_its_parent_jvm_is_killed() throws Exception {
        try (KilledParent parent = KilledParent.start("kafka", workDir)) {
            ProcessHandle broker = parent.server();
            try {
                assertThat(broker.parent().map(ProcessHandle::pid)).contains(parent.pid());

                long killedAt = System.nanoTime();
                parent.kill();

                await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isAlive());
                System.out.printf("Broker exited %d ms after its parent was killed%n",
                        Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
            } finally {
                broker.destroyForcibly();
            }
        }
    }
}
