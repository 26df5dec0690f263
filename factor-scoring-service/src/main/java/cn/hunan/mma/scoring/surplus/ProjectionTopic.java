package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.scoring.streams.CompactedTopics;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Creates {@value SurplusProjection#TOPIC} compacted before the streams start (this service owns it; the
 * topology reads it back into a global store).
 */
final class ProjectionTopic {

    private static final int PARTITIONS = 6;

    private ProjectionTopic() {
    }

    /** Without a configured broker (TopologyTestDriver) there is nothing to create. */
    static void ensureExists() {
        ConfigProvider.getConfig().getOptionalValue("quarkus.kafka-streams.bootstrap-servers", String.class)
                .ifPresent(servers -> CompactedTopics.ensureExists(servers, SurplusProjection.TOPIC, PARTITIONS));
    }
}
