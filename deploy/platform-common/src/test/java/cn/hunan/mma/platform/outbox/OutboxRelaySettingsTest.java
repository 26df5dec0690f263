package cn.hunan.mma.platform.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxRelaySettingsTest {

    private static final URI SOURCE = URI.create("/mma/referral-service");

    @ParameterizedTest
    @ValueSource(strings = {"Referral_Outbox", "referral-outbox", "outbox\"; DROP TABLE referral; --", ""})
    void rejects_slot_names_that_are_not_plain_identifiers(String slotName) {
        assertThatThrownBy(() -> settings(slotName, "public.outbox"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slot name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"outbox", "public.outbox.extra", "public.\"outbox\""})
    void rejects_tables_that_are_not_schema_qualified_plain_names(String table) {
        assertThatThrownBy(() -> settings("referral_outbox", table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.table");
    }

    @Test
    void rejects_a_non_positive_heartbeat_interval() {
        OutboxRelaySettings valid = settings("referral_outbox", "public.outbox");
        assertThatThrownBy(() -> valid.withHeartbeatInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeat interval");
    }

    @Test
    void rejects_a_jdbc_url_debezium_cannot_connect_to() {
        assertThatThrownBy(() -> OutboxRelaySettings.withDefaults("jdbc:h2:mem:referral", "relay", "secret",
                "referral_outbox", SOURCE, "offsets", "localhost:9092"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void never_shows_the_password_in_text() {
        OutboxRelaySettings settings = OutboxRelaySettings.withDefaults("jdbc:postgresql://db/referral", "relay",
                "s3cret-pw", "referral_outbox", SOURCE, "offsets", "localhost:9092");

        assertThat(settings.toString()).doesNotContain("s3cret-pw").contains("referral_outbox");
    }

    @Test
    void splits_the_table_into_schema_and_name() {
        OutboxRelaySettings settings = settings("referral_outbox", "referral.outbox");

        assertThat(settings.schemaName()).isEqualTo("referral");
        assertThat(settings.tableName()).isEqualTo("outbox");
    }

    private static OutboxRelaySettings settings(String slotName, String table) {
        return new OutboxRelaySettings("jdbc:postgresql://db/referral", "relay", "secret", slotName, "mma_outbox", table,
                SOURCE, "offsets", "localhost:9092", Duration.ofMillis(50), Duration.ofSeconds(10));
    }
}
