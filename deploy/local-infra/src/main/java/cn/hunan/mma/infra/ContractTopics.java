package cn.hunan.mma.infra;

import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every topic of the shared registry, and its dead-letter topic, as a local broker needs them: the
 * broker does not create topics on first use, so the local stack and the test resources create them.
 */
public final class ContractTopics {

    /** One broker locally; production sets its own replication. */
    private static final short REPLICATION_FACTOR = 1;

    private ContractTopics() {
    }

    public static List<NewTopic> all() {
        return Topics.all().stream()
                .flatMap(ContractTopics::withDeadLetter)
                .toList();
    }

    private static Stream<NewTopic> withDeadLetter(Topic<?, ?> topic) {
        return Stream.of(topic.newTopic(REPLICATION_FACTOR), topic.deadLetter().newTopic(REPLICATION_FACTOR));
    }
}
