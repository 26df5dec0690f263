package cn.hunan.mma.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The scorer's own settings; Kafka Streams itself is configured under {@code quarkus.kafka-streams.*} and {@code kafka-streams.*}. */
@ConfigMapping(prefix = "mma.scoring")
public interface ScoringConfig {

    /** How long after its end a month still accepts late events and corrections (stream time). */
    @WithDefault("P15D")
    Duration grace();

    /** How often changed scores are published to the scores topic. */
    @WithDefault("PT10S")
    Duration emitInterval();
}
