package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class PostgresAfterACrashTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void a_data_directory_left_running_by_a_killed_jvm_is_taken_over_with_its_data() throws Exception {
        Path dataDir = workDir.resolve("data");
        ProcessHandle orphan;
        try (KilledParent parent = KilledParent.start("postgres", dataDir)) {
            orphan = parent.server();
            parent.kill();
        }
        try {
            assertThat(orphan.isAlive()).as("PostgreSQL outlives the JVM that started it").isTrue();

            try (LocalPostgres postgres = LocalPostgres.start(dataDir)) {
                assertThat(orphan.isAlive()).isFalse();
                assertThat(Sql.on(postgres, "navigation").strings("SELECT code FROM institution")).containsExactly("430102-001");
            }
        } finally {
            orphan.destroyForcibly();
        }
    }
}
