package cn.hunan.mma.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The scorer's own settings; Kafka Streams itself is configured under {@code quarkus.kafka-streams.*} and {@code kafka-streams.*}. */
@ConfigMapping(prefix = "mma.scoring")
public interface ScoringConfig {

    /**
     * How long after its end a month still accepts late events and corrections, in event time: a month
     * closes when every input partition has seen records dated past its end + grace.
     */
    @WithDefault("P15D")
    Duration grace();

    /**
     * How long an input partition may stay silent before months close without waiting for it (wall
     * clock); when it speaks again, its records of months closed meanwhile are late.
     */
    @WithDefault("PT5M")
    Duration sourceIdleAfter();

    /** How often changed scores are published to the scores topic. */
    @WithDefault("PT10S")
    Duration emitInterval();
}
