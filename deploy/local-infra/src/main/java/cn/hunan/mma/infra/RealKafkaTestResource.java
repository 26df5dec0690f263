package cn.hunan.mma.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Points a {@code @QuarkusTest} at a real Kafka broker: one per test JVM, shared by every test
 * class, started on first use under {@code target/} and stopped when the JVM exits.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = RealKafkaTestResource.class, initArgs = {
 *     @ResourceArg(name = RealKafkaTestResource.TOPICS, value = "hospital.visits,referral.events:3") })
 * }</pre>
 *
 * Every topic of the shared contract (and its dead-letter topic) exists before the application
 * starts, as in the local stack. {@value #TOPICS} lists further topics to create ({@code name} or
 * {@code name:partitions}; {@value #PARTITIONS} sets the default count, else 1). Topics that exist
 * are left alone. Tests can also call {@link #createTopics(Collection)}.
 */
public class RealKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPICS = "topics";
    public static final String PARTITIONS = "partitions";

    private List<NewTopic> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        int partitions = Integer.parseInt(initArgs.getOrDefault(PARTITIONS, "1"));
        topics = TopicSpecs.parse(initArgs.get(TOPICS), partitions);
    }

    @Override
    public Map<String, String> start() {
        String bootstrapServers = bootstrapServers();
        KafkaTopics.createMissing(bootstrapServers, ContractTopics.all());
        KafkaTopics.createMissing(bootstrapServers, topics);
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.kafka-streams.bootstrap-servers", bootstrapServers,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrapServers);
    }

    /** Nothing: the broker outlives each test application and stops with the JVM. */
    @Override
    public void stop() {
    }

    /** The shared broker's address, starting it if this is the first use in the JVM. */
    public static String bootstrapServers() {
        return SharedServers.kafkaBootstrapServers();
    }

    /** Creates the topics missing on the shared broker; existing ones are left as they are. */
    public static void createTopics(Collection<NewTopic> topics) {
        KafkaTopics.createMissing(bootstrapServers(), topics);
    }
}
