package cn.hunan.mma.events.topic;

/** Kafka's {@code cleanup.policy} for a topic. */
public enum CleanupPolicy {
    /** Keep the latest record per key: reference data and latest-state topics, rebuilt by replay. */
    COMPACT("compact"),
    /** Keep records for the retention time: event streams. */
    DELETE("delete");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }
}
