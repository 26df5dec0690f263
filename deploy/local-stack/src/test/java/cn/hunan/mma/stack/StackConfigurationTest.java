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

    @Test
    void a_launch_option_is_added_to_the_services_own_jvm_options_without_changing_them() {
        ServiceSpec scorer = ServiceSpec.ALL.stream().filter(ServiceSpec::kafkaStreams).findFirst().orElseThrow();
        ServiceSpec launched = scorer.withJvmOption("-Dkafka-streams.state.dir=/x");
        assertThat(launched.jvmOptions()).containsSubsequence(scorer.jvmOptions()).endsWith("-Dkafka-streams.state.dir=/x");
        assertThat(scorer.jvmOptions()).doesNotContain("-Dkafka-streams.state.dir=/x");
    }
}
