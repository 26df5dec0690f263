package cn.hunan.mma.platform.outbox;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxEnginePropertiesTest {

    @Test
    void the_replication_connection_gets_the_jdbc_urls_tls_settings_and_driver_parameters() {
        Properties engine = engineFor("jdbc:postgresql://db.hn:6432/referral"
                + "?sslmode=verify-full&sslrootcert=/etc/pki/hn-root.pem&ApplicationName=referral-relay");

        assertThat(engine.getProperty("database.hostname")).isEqualTo("db.hn");
        assertThat(engine.getProperty("database.port")).isEqualTo("6432");
        assertThat(engine.getProperty("database.dbname")).isEqualTo("referral");
        assertThat(engine.getProperty("database.sslmode")).isEqualTo("verify-full");
        assertThat(engine.getProperty("database.sslrootcert")).isEqualTo("/etc/pki/hn-root.pem");
        assertThat(engine.getProperty("driver.ApplicationName")).isEqualTo("referral-relay");
    }

    @Test
    void a_url_without_parameters_adds_no_connection_settings() {
        Properties engine = engineFor("jdbc:postgresql://db.hn/referral");

        assertThat(engine.stringPropertyNames()).noneMatch(name -> name.startsWith("driver.") || name.startsWith("database.ssl"));
    }

    private static Properties engineFor(String jdbcUrl) {
        return OutboxEngineProperties.of(OutboxRelaySettings.withDefaults(jdbcUrl, "relay", "secret", "referral_outbox",
                URI.create("/mma/referral-service"), "offsets", "localhost:9092"));
    }
}
