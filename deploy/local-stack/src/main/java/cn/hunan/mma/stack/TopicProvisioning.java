package cn.hunan.mma.stack;

import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.stream.Stream;

/** Every topic of the shared registry, and its dead-letter topic, as the local broker needs them. */
final class TopicProvisioning {

    /** One broker locally; production sets its own replication. */
    private static final short REPLICATION_FACTOR = 1;

    private TopicProvisioning() {
    }

    static List<NewTopic> allTopics() {
        return Topics.all().stream()
                .flatMap(TopicProvisioning::withDeadLetter)
                .toList();
    }

    private static Stream<NewTopic> withDeadLetter(Topic<?, ?> topic) {
        return Stream.of(topic.newTopic(REPLICATION_FACTOR), topic.deadLetter().newTopic(REPLICATION_FACTOR));
    }
}
