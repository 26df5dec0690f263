package cn.hunan.mma.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

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

    /**
     * Creates the topics that do not exist yet; existing ones are left exactly as they are. Returns
     * once every topic is visible in the broker's metadata, so a client started right after (a
     * service under test, a describe call) does not see UNKNOWN_TOPIC_OR_PARTITION.
     */
    static void createMissing(String bootstrapServers, Collection<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "mma-local-infra-topics"))) {
            admin.createTopics(topics).values().forEach(KafkaTopics::awaitCreated);
            awaitVisible(admin, topics.stream().map(NewTopic::name).toList());
        }
    }

    private static void awaitVisible(Admin admin, List<String> names) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException notYetPropagated) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not visible within " + TIMEOUT_SECONDS + " s: " + names,
                            notYetPropagated.getCause());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            } catch (TimeoutException e) {
                throw new IllegalStateException("topics not visible within " + TIMEOUT_SECONDS + " s: " + names, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topics " + names, e);
            }
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
