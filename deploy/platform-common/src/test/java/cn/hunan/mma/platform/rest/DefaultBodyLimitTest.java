package cn.hunan.mma.platform.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that sets no body limit has Quarkus's, and its 413 problem names it. */
@QuarkusTest
@TestProfile(DefaultBodyLimitTest.QuarkusDefaults.class)
class DefaultBodyLimitTest {

    public static class QuarkusDefaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.devservices.enabled", "false");
        }
    }

    @Inject
    BodyLimit limit;

    @Test
    void the_limit_is_quarkus_default_of_10_mib() {
        assertThat(limit.bytes()).hasValue(10L * 1024 * 1024);
        assertThat(limit.exceeded().detail())
                .isEqualTo("the request body is larger than this service accepts: at most 10 MiB (10485760 bytes)");
    }
}
