package cn.hunan.mma.platform.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresLocationTest {

    @Test
    void reads_host_port_and_database() {
        assertThat(PostgresLocation.parse("jdbc:postgresql://db.referral.hn:6432/referral"))
                .isEqualTo(new PostgresLocation("db.referral.hn", 6432, "referral"));
    }

    @Test
    void uses_the_standard_port_when_none_is_given() {
        assertThat(PostgresLocation.parse("jdbc:postgresql://localhost/settlement").port()).isEqualTo(5432);
    }

    @Test
    void keeps_connection_parameters_decoded_and_in_order() {
        PostgresLocation location = PostgresLocation.parse(
                "jdbc:postgresql://127.0.0.1:5433/navigation?sslmode=verify-full&ApplicationName=nav%20relay&tcpKeepAlive");

        assertThat(location).extracting(PostgresLocation::host, PostgresLocation::port, PostgresLocation::database)
                .containsExactly("127.0.0.1", 5433, "navigation");
        assertThat(location.parameters()).containsOnly(
                org.assertj.core.api.Assertions.entry("sslmode", "verify-full"),
                org.assertj.core.api.Assertions.entry("ApplicationName", "nav relay"),
                org.assertj.core.api.Assertions.entry("tcpKeepAlive", ""));
    }

    @Test
    void rejects_multi_host_urls_because_a_replication_slot_lives_on_one_server() {
        assertThatThrownBy(() -> PostgresLocation.parse("jdbc:postgresql://a:5432,b:5432/referral"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single-host");
    }

    @Test
    void rejects_urls_of_other_databases() {
        assertThatThrownBy(() -> PostgresLocation.parse("jdbc:mysql://localhost:3306/referral"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
