package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The scorer's topology with the service's Kafka Streams settings in a JVM of its own, for the
 * crash test: {@code ScorerMain <bootstrap-servers> <application-id> <state-dir>}. Prints
 * {@value #RUNNING} once the streams run. Its stdin is a pipe from the test: end of file means the
 * test JVM is gone, and the scorer goes with it rather than linger.
 */
public final class ScorerMain {

    static final String RUNNING = "scorer RUNNING";

    private ScorerMain() {
    }

    public static void main(String[] args) throws IOException {
        RuleSet seed = RuleSetJson.seed();
        ScoringTopology.ensureOwnTopics(args[0]);
        KafkaStreams streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(),
                Duration.ofDays(15), Duration.ofSeconds(30), seed, Clock.systemUTC())).build(),
                ScorerStreamsConfig.of(args[1], args[0], Path.of(args[2])));
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING);
                System.out.flush();
            }
        });
        streams.start();
        while (System.in.read() >= 0) {
            // nothing is ever written; read() returns -1 when the parent's end of the pipe closes
        }
        Runtime.getRuntime().halt(1);
    }
}
