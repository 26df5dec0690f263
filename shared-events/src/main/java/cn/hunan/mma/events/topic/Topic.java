package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One topic of the contract: its name, typed key and value with their serdes, how the key is
 * derived from a value, and how Kafka keeps it. Declared once in {@link Topics}; producers,
 * consumers, topologies and tests all take names and serdes from here.
 *
 * @param <K> the key type
 * @param <V> the value type: a record or a sealed interface of the records allowed on the topic
 */
public final class Topic<K, V extends ContractRecord> {

    /** Suffix of every topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String name;
    private final KeyFormat<K> keyFormat;
    private final Class<V> valueType;
    private final Function<? super V, K> keyOf;
    private final CleanupPolicy cleanupPolicy;
    private final Duration retention;
    private final int partitions;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;

    Topic(String name, KeyFormat<K> keyFormat, Class<V> valueType, Function<? super V, K> keyOf,
          CleanupPolicy cleanupPolicy, Duration retention, int partitions) {
        this.name = Objects.requireNonNull(name, "name");
        this.keyFormat = Objects.requireNonNull(keyFormat, "keyFormat");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        this.cleanupPolicy = Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        this.retention = retention;
        this.partitions = partitions;
        this.keySerde = new ContractKeySerde<>(keyFormat);
        this.valueSerde = new ContractValueSerde<>(ContractCodec.standard(), valueType);
    }

    public String name() {
        return name;
    }

    public Class<K> keyType() {
        return keyFormat.type();
    }

    public Class<V> valueType() {
        return valueType;
    }

    public Serde<K> keySerde() {
        return keySerde;
    }

    /** The value serde on the standard codec (system clock, default limits). */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** The value serde on another codec, e.g. one with a fixed clock in tests. */
    public Serde<V> valueSerde(ContractCodec codec) {
        return new ContractValueSerde<>(codec, valueType);
    }

    /** The key a value must be sent with: keeps one entity's records in order on one partition. */
    public K keyOf(V value) {
        return keyOf.apply(value);
    }

    /** The key as text, as it appears on the wire (for outbox rows and command-line tools). */
    public String keyText(K key) {
        return keyFormat.format().apply(key);
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /**
     * How long the topic must keep its records when a consumer rebuilds its state by reading it from the start;
     * empty when the broker's retention will do (a consumer that stores what it read).
     */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    public int partitions() {
        return partitions;
    }

    /**
     * Where consumers of this topic put records they cannot accept: the raw key and value bytes,
     * unchanged, with the rejection in headers ({@link cn.hunan.mma.events.envelope.DeadLetterHeaders}).
     */
    public DeadLetterTopic deadLetter() {
        return new DeadLetterTopic(name + DEAD_LETTER_SUFFIX, name, partitions);
    }

    /** For creating the topic with the admin client (local stack, tests). */
    public NewTopic newTopic(short replicationFactor) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        retention().ifPresent(kept -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kept.toMillis())));
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    @Override
    public String toString() {
        return name;
    }
}
