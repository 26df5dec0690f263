package cn.hunan.mma.infra;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

/** Parses {@code "visits,referrals:3"}: topic names, each with an optional partition count. */
final class TopicSpecs {

    private static final short REPLICATION_FACTOR = 1;

    private TopicSpecs() {
    }

    static List<NewTopic> parse(String specs, int defaultPartitions) {
        if (specs == null || specs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(specs.split(","))
                .map(String::trim)
                .filter(spec -> !spec.isEmpty())
                .map(spec -> topic(spec, defaultPartitions))
                .toList();
    }

    private static NewTopic topic(String spec, int defaultPartitions) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new NewTopic(spec, defaultPartitions, REPLICATION_FACTOR);
        }
        try {
            return new NewTopic(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)), REPLICATION_FACTOR);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("topic spec must be name or name:partitions, was " + spec, e);
        }
    }
}
