package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaLifecycleTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void a_broker_restarted_on_the_same_work_directory_keeps_its_topics_and_records() {
        String firstAddress;
        try (LocalKafka first = LocalKafka.start(workDir)) {
            firstAddress = first.bootstrapServers();
            first.createTopics(List.of(new NewTopic("referral.events", 1, (short) 1)));
            try (KafkaProducer<String, String> producer = KafkaClients.producer(first.bootstrapServers())) {
                KafkaClients.send(producer, "referral.events", "referral-requested", "referral-accepted");
            }
        }

        try (LocalKafka second = LocalKafka.start(workDir);
             KafkaConsumer<String, String> consumer = KafkaClients.readCommittedConsumer(second.bootstrapServers(), "restart-check")) {
            System.out.printf("LocalKafka.startupTime() = %d ms (restart on an existing work dir)%n",
                    second.startupTime().toMillis());
            assertThat(second.bootstrapServers()).as("new ports on every start").isNotEqualTo(firstAddress);
            assertThat(KafkaClients.readToEnd(consumer, "referral.events", Duration.ofSeconds(30)))
                    .containsExactly("referral-requested", "referral-accepted");
        }
    }

    @Test
    void close_stops_the_broker_process() {
        LocalKafka kafka = LocalKafka.start(workDir);
        ProcessHandle broker = ProcessHandle.of(kafka.brokerPid()).orElseThrow();

        kafka.close();

        assertThat(broker.isAlive()).isFalse();
        assertThat(kafka.isRunning()).isFalse();
    }

    @Test
    void a_broker_that_cannot_start_is_reported_with_its_log() throws Exception {
        // The log directory's path is taken by a file, so formatting the storage fails.
        Files.writeString(workDir.resolve("data"), "not a directory");

        assertThatThrownBy(() -> LocalKafka.start(workDir))
                .isInstanceOf(ServerStartupException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining(workDir.resolve("broker.log").toString())
                .satisfies(e -> assertThat(((ServerStartupException) e).logTail()).contains("Exception"));
    }
}
