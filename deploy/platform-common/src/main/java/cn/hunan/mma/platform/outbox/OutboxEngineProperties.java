package cn.hunan.mma.platform.outbox;

import java.util.Properties;
import java.util.Set;

/**
 * The Debezium embedded engine configuration of a relay: PostgreSQL connector on {@code pgoutput},
 * capturing inserts into the outbox table only, routed by Debezium's outbox event router.
 */
final class OutboxEngineProperties {

    /** Header the event router fills with the row's {@code id}; its name is fixed by the router. */
    static final String EVENT_ID_HEADER = "id";
    static final String EVENT_TYPE_HEADER = "eventType";
    static final String OCCURRED_AT_HEADER = "occurredAt";
    /** Heartbeat records go to topics with this prefix; the relay consumes them and sends nothing. */
    static final String HEARTBEAT_TOPIC_PREFIX = "__mma-outbox-heartbeat";

    /** pgJDBC's TLS parameters that Debezium's PostgreSQL connector takes as {@code database.<name>}. */
    private static final Set<String> DEBEZIUM_SSL_PARAMETERS =
            Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslfactory");
    private static final String HEARTBEAT_MESSAGE_PREFIX = "mma-outbox-heartbeat";
    /**
     * Records per batch handed to the publisher, and records the connector may buffer ahead of it.
     * Each batch costs one acknowledgement wait and one delete, so under load larger batches relay
     * more per second; an idle relay still hands over whatever arrived within one poll interval.
     */
    static final int MAX_BATCH_SIZE = 4_096;
    static final int MAX_QUEUE_SIZE = 4 * MAX_BATCH_SIZE;
    /** Offsets are committed often so the slot releases WAL soon after records are acknowledged. */
    private static final long OFFSET_FLUSH_INTERVAL_MS = 1_000;

    private OutboxEngineProperties() {
    }

    static Properties of(OutboxRelaySettings settings) {
        PostgresLocation location = settings.location();
        Properties properties = new Properties();
        properties.setProperty("name", "mma-outbox-" + settings.slotName());
        properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        properties.setProperty("database.hostname", location.host());
        properties.setProperty("database.port", Integer.toString(location.port()));
        properties.setProperty("database.dbname", location.database());
        properties.setProperty("database.user", settings.username());
        properties.setProperty("database.password", settings.password());
        connectionParameters(properties, location);
        // Debezium's logical name; it only shapes heartbeat topic names, which are never published.
        properties.setProperty("topic.prefix", settings.slotName());

        properties.setProperty("plugin.name", "pgoutput");
        properties.setProperty("slot.name", settings.slotName());
        properties.setProperty("publication.name", settings.publicationName());
        // ReplicationSetup has created both before the engine starts.
        properties.setProperty("publication.autocreate.mode", "disabled");
        properties.setProperty("table.include.list", settings.table().replace(".", "\\."));
        // The outbox holds only rows not yet relayed; history is never replayed from the table.
        properties.setProperty("snapshot.mode", "no_data");
        // A slot created anew after a loss is ahead of every stored offset, and the rows in between were sent from the
        // table (OutboxSweep): the slot's position is the one to trust. The default ('no_validation') refuses to
        // start there, and 'trust_greater_lsn' (Debezium 3.5) tries to move the slot back to the offset and fails.
        // A healthy slot is at most one offset flush behind the offset: a restart re-sends at most that (at least once).
        properties.setProperty("offset.mismatch.strategy", "trust_slot");
        // Only inserts are events; the relay's own deletes (and any update) are not.
        properties.setProperty("skipped.operations", "u,d,t");
        properties.setProperty("tombstones.on.delete", "false");
        properties.setProperty("poll.interval.ms", Long.toString(settings.pollInterval().toMillis()));
        properties.setProperty("max.batch.size", Integer.toString(MAX_BATCH_SIZE));
        properties.setProperty("max.queue.size", Integer.toString(MAX_QUEUE_SIZE));
        // Connection losses are retried forever instead of stopping the relay.
        properties.setProperty("errors.max.retries", "-1");

        heartbeats(properties, settings);
        offsets(properties, settings);
        transforms(properties);
        return properties;
    }

    /**
     * The JDBC URL's parameters reach the connector: the TLS ones under the names Debezium's
     * PostgreSQL connector defines ({@code database.sslmode}, …), every other one passed through to
     * the driver ({@code driver.*}), so the replication connection is made like Flyway's.
     */
    private static void connectionParameters(Properties properties, PostgresLocation location) {
        location.parameters().forEach((name, value) -> properties.setProperty(
                DEBEZIUM_SSL_PARAMETERS.contains(name) ? "database." + name : "driver." + name, value));
    }

    /**
     * pgoutput sends nothing for transactions that do not touch the outbox, so an idle outbox would
     * pin the WAL of every other table. Each heartbeat writes a logical decoding message, which the
     * slot does decode; the relay then confirms that position and PostgreSQL can recycle the WAL.
     * The message itself is excluded from the event stream.
     */
    private static void heartbeats(Properties properties, OutboxRelaySettings settings) {
        properties.setProperty("heartbeat.interval.ms", Long.toString(settings.heartbeatInterval().toMillis()));
        properties.setProperty("topic.heartbeat.prefix", HEARTBEAT_TOPIC_PREFIX);
        properties.setProperty("heartbeat.action.query",
                "SELECT pg_logical_emit_message(false, '" + HEARTBEAT_MESSAGE_PREFIX + "', '')");
        properties.setProperty("message.prefix.exclude.list", HEARTBEAT_MESSAGE_PREFIX);
    }

    /** Durable position: a compacted topic per service, created by the engine when missing. */
    private static void offsets(Properties properties, OutboxRelaySettings settings) {
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        properties.setProperty("bootstrap.servers", settings.bootstrapServers());
        properties.setProperty("offset.storage.topic", settings.offsetTopic());
        properties.setProperty("offset.storage.partitions", "1");
        // -1: the broker's default.replication.factor, 3 in production, 1 on a single local broker.
        properties.setProperty("offset.storage.replication.factor", "-1");
        properties.setProperty("offset.flush.interval.ms", Long.toString(OFFSET_FLUSH_INTERVAL_MS));
    }

    private static void transforms(Properties properties) {
        properties.setProperty("transforms", "commitTime,outbox");
        properties.setProperty("transforms.commitTime.type", CommitTimestampHeader.class.getName());
        properties.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        properties.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        // The topic is the column's value as is, not Debezium's default "outbox.event.<value>".
        properties.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        properties.setProperty("transforms.outbox.table.field.event.id", "id");
        properties.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        properties.setProperty("transforms.outbox.table.field.event.payload", "payload");
        properties.setProperty("transforms.outbox.table.expand.json.payload", "false");
        properties.setProperty("transforms.outbox.table.fields.additional.placement",
                "type:header:" + EVENT_TYPE_HEADER + ",occurred_at:header:" + OCCURRED_AT_HEADER);
    }
}
