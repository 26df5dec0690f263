package cn.hunan.mma.infra;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics on a broker known only by its address (a shared broker may belong to another class loader). */
final class KafkaTopics {

    private static final long TIMEOUT_SECONDS = 60;

    private KafkaTopics() {
    }

    /** Creates the topics that do not exist yet; existing ones are left exactly as they are. */
    static void createMissing(String bootstrapServers, Collection<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "mma-local-infra-topics"))) {
            admin.createTopics(topics).values().forEach(KafkaTopics::awaitCreated);
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + topic + " not created within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
