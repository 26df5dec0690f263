package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.config.ScoringConfig;
import cn.hunan.mma.scoring.domain.RuleSet;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/** Wires the one topology into Quarkus, which runs it with the {@code kafka-streams.*} settings. */
@ApplicationScoped
public class TopologyProducer {

    private final ScoringConfig config;
    private final String bootstrapServers;
    /** Quarkus Micrometer's registry, served on /q/metrics: the dead letters' count ({@link DeadLetterCount}). */
    private final MeterRegistry meters;

    public TopologyProducer(ScoringConfig config, @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
                            MeterRegistry meters) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.meters = meters;
    }

    /** Singleton: a record cannot be proxied, so no normal scope. */
    @Produces
    @jakarta.inject.Singleton
    public RuleSet seedRuleSet() {
        return RuleSetJson.seed();
    }

    @Produces
    public Topology topology(RuleSet seed) {
        ScoringTopology.ensureOwnTopics(bootstrapServers);
        ScoringSettings settings = new ScoringSettings(ContractCodec.standard(), config.grace(), config.emitInterval(),
                seed, Clock.systemUTC(), config.sourceIdleAfter());
        return new ScoringTopology(seed, settings, meters).build();
    }
}
