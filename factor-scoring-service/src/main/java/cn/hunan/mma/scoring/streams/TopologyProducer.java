package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.config.ScoringConfig;
import cn.hunan.mma.scoring.domain.RuleSet;
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

    public TopologyProducer(ScoringConfig config, @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
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
        return new ScoringTopology(seed, settings).build();
    }
}
