package cn.hunan.mma.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackConfigurationTest {

    @Test
    void service_configuration_becomes_microprofile_environment_names() {
        assertThat(ServiceProcess.environmentName("quarkus.datasource.password")).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
        assertThat(ServiceProcess.environmentName("mma.outbox.jdbc-url")).isEqualTo("MMA_OUTBOX_JDBC_URL");
    }

    @Test
    void every_service_has_its_own_port() {
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::port).doesNotHaveDuplicates();
    }
}
