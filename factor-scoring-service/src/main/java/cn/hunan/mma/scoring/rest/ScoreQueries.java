package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.streams.AllianceLifetime;
import cn.hunan.mma.scoring.streams.RuleSets;
import cn.hunan.mma.scoring.streams.ScoreReading;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import cn.hunan.mma.scoring.streams.TotalsReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;

/**
 * Interactive queries over the totals store. The store is partitioned by scope, so the instance
 * that owns the scope's partition answers; {@link KafkaStreams#queryMetadataForKey} names it by its
 * {@code application.server}, and the resource forwards the request there.
 */
@ApplicationScoped
public class ScoreQueries {

    private final KafkaStreams streams;
    private final RuleSet seed;
    private final Optional<String> applicationServer;

    public ScoreQueries(KafkaStreams streams, RuleSet seed,
                        @ConfigProperty(name = "quarkus.kafka-streams.application-server") Optional<String> applicationServer) {
        this.streams = streams;
        this.seed = seed;
        this.applicationServer = applicationServer;
    }

    public ScoreLookup lookup(String scope) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new ScoreLookup.NotReady(streams.state().name());
        }
        Optional<String> elsewhere = ownerElsewhere(scope);
        if (elsewhere.isPresent()) {
            return new ScoreLookup.OtherInstance(elsewhere.get());
        }
        try {
            return new ScoreLookup.Local(local());
        } catch (InvalidStateStoreException e) {
            // A rebalance between the state check and the store lookup: the caller retries later.
            return new ScoreLookup.NotReady(e.getMessage());
        }
    }

    public RuleSets ruleSets() {
        return new RuleSets(streams.store(StoreQueryParameters.fromNameAndType(ScoringTopology.RULE_SETS_STORE,
                QueryableStoreTypes.<String, byte[]>timestampedKeyValueStore())), seed, Clock.systemUTC());
    }

    /** Where an institution or alliance sits, from the global matrix stores (every instance holds them all). */
    public Optional<Places> placesOf(cn.hunan.mma.events.scoring.ScoredEntityKind kind, String id) {
        if (kind == cn.hunan.mma.events.scoring.ScoredEntityKind.INSTITUTION) {
            return Optional.ofNullable(streams.store(StoreQueryParameters.fromNameAndType(ScoringTopology.INSTITUTIONS_STORE,
                            QueryableStoreTypes.<String, cn.hunan.mma.events.matrix.InstitutionSnapshot>keyValueStore())).get(id))
                    .map(institution -> Places.of(cn.hunan.mma.platform.security.Jurisdiction.ofInstitution(id, institution.divisionCode(),
                            java.util.Set.copyOf(institution.allianceIds().stream().map(Object::toString).toList()))));
        }
        // A dissolved alliance is scoped by the divisions it covered while live, so its history stays readable.
        return allianceLifetime(id).map(AllianceLifetime::makeup).flatMap(Places::ofAlliance);
    }

    /** Whether this instance holds the scope's totals (always, without {@code application.server}: a single instance). */
    public boolean ownsLocally(String scope) {
        return ownerElsewhere(scope).isEmpty();
    }

    /**
     * The {@code application.server} ({@code host:port}) of the other instance whose totals hold {@code scope}; empty
     * when this instance holds it, when there is no {@code application.server} (one instance answers everything), or
     * when Kafka Streams does not know yet (answered locally).
     */
    public Optional<String> ownerElsewhere(String scope) {
        if (applicationServer.isEmpty()) {
            return Optional.empty();
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(ScoringTopology.TOTALS_STORE, scope, Serdes.String().serializer());
        if (owner == KeyQueryMetadata.NOT_AVAILABLE) {
            return Optional.empty();
        }
        String host = owner.activeHost().host() + ":" + owner.activeHost().port();
        return host.equals(applicationServer.get()) ? Optional.empty() : Optional.of(host);
    }

    /** The {@code application.server} of every other instance holding part of the totals. */
    public java.util.List<String> otherInstances() {
        if (applicationServer.isEmpty()) {
            return java.util.List.of();
        }
        return streams.streamsMetadataForStore(ScoringTopology.TOTALS_STORE).stream()
                .map(metadata -> metadata.hostInfo().host() + ":" + metadata.hostInfo().port())
                .filter(host -> !host.equals(applicationServer.get())).distinct().sorted().toList();
    }

    public java.util.List<cn.hunan.mma.events.matrix.InstitutionSnapshot> institutions() {
        return all(ScoringTopology.INSTITUTIONS_STORE);
    }

    /** Every alliance the matrix states, live or dissolved with the make-up it kept (see {@link AllianceLifetime#of}). */
    public java.util.List<AllianceLifetime> allianceLifetimes() {
        var kept = allianceStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE);
        java.util.List<AllianceLifetime> lifetimes = new java.util.ArrayList<>();
        for (cn.hunan.mma.events.matrix.AllianceSnapshot stated : this.<cn.hunan.mma.events.matrix.AllianceSnapshot>all(ScoringTopology.ALLIANCES_STORE)) {
            AllianceLifetime.of(stated, kept.get(stated.allianceId().value())).ifPresent(lifetimes::add);
        }
        return lifetimes;
    }

    public Optional<AllianceLifetime> allianceLifetime(String id) {
        return AllianceLifetime.of(allianceStore(ScoringTopology.ALLIANCES_STORE).get(id),
                allianceStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE).get(id));
    }

    private org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, cn.hunan.mma.events.matrix.AllianceSnapshot> allianceStore(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, cn.hunan.mma.events.matrix.AllianceSnapshot>keyValueStore()));
    }

    public Optional<cn.hunan.mma.events.matrix.AllianceSnapshot> alliance(String id) {
        return Optional.ofNullable(allianceStore(ScoringTopology.ALLIANCES_STORE).get(id));
    }

    private <V> java.util.List<V> all(String globalStore) {
        java.util.List<V> values = new java.util.ArrayList<>();
        try (var iterator = streams.store(StoreQueryParameters.fromNameAndType(globalStore, QueryableStoreTypes.<String, V>keyValueStore())).all()) {
            iterator.forEachRemaining(entry -> {
                if (entry.value != null) {
                    values.add(entry.value);
                }
            });
        }
        return values;
    }

    /** The totals of the scopes this instance holds (see {@link #ownsLocally}). */
    public ScoreReading localReading() {
        return local();
    }

    public boolean running() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    private ScoreReading local() {
        return new ScoreReading(TotalsReader.of(streams), ruleSets());
    }
}
