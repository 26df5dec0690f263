package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RealPostgresTestResourceTest {

    @Test
    void configures_the_datasource_and_the_outbox_relay_for_the_named_database() throws Exception {
        Map<String, String> config = started(Map.of(RealPostgresTestResource.DATABASE, "insurance_settlement"));

        assertThat(config).containsOnlyKeys(
                "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password",
                "mma.outbox.jdbc-url", "mma.outbox.username", "mma.outbox.password");
        assertThat(config.get("quarkus.datasource.reactive.url")).matches("postgresql://127\\.0\\.0\\.1:\\d+/insurance_settlement");
        assertThat(config.get("mma.outbox.jdbc-url")).isEqualTo(config.get("quarkus.datasource.jdbc.url"));

        Sql sql = new Sql(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
        assertThat(sql.string("SELECT current_database()")).isEqualTo("insurance_settlement");
        assertThat(sql.string("SHOW wal_level")).isEqualTo("logical");
    }

    @Test
    void without_a_database_argument_uses_the_application_name() throws Exception {
        // src/test/resources/application.properties names the application "local-infra-probe".
        Map<String, String> config = started(Map.of());

        Sql sql = new Sql(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
        assertThat(sql.string("SELECT current_database()")).isEqualTo("local_infra_probe");
    }

    @Test
    void every_test_application_gets_the_same_server() {
        String first = started(Map.of(RealPostgresTestResource.DATABASE, "navigation")).get("quarkus.datasource.jdbc.url");
        String second = started(Map.of(RealPostgresTestResource.DATABASE, "navigation")).get("quarkus.datasource.jdbc.url");

        assertThat(second).isEqualTo(first);
    }

    private static Map<String, String> started(Map<String, String> initArgs) {
        RealPostgresTestResource resource = new RealPostgresTestResource();
        resource.init(initArgs);
        Map<String, String> config = resource.start();
        resource.stop();
        return config;
    }
}
