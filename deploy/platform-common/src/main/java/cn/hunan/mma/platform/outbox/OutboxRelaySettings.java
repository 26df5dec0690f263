package cn.hunan.mma.platform.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything an {@link OutboxRelay} needs, checked once. In a Quarkus service it comes from the
 * {@code mma.outbox.*} keys ({@link OutboxConfig}); tests construct it directly.
 *
 * @param jdbcUrl           {@code jdbc:postgresql://host:port/database} of the service's database
 * @param username          a role with the REPLICATION attribute that may read the outbox table
 * @param password          that role's password
 * @param slotName          logical replication slot; unique in the PostgreSQL cluster
 * @param publicationName   publication of the outbox table
 * @param table             schema-qualified outbox table, e.g. {@code public.outbox}
 * @param source            {@code ce_source} of every relayed record: which service produced it
 * @param offsetTopic       compacted Kafka topic holding the relay's position; one per service
 * @param bootstrapServers  Kafka brokers for the relayed events and the offsets
 * @param pollInterval      how long the engine waits for WAL changes before polling again
 * @param heartbeatInterval how often the relay confirms its position to PostgreSQL when idle
 */
public record OutboxRelaySettings(String jdbcUrl, String username, String password, String slotName,
                                  String publicationName, String table, URI source, String offsetTopic,
                                  String bootstrapServers, Duration pollInterval, Duration heartbeatInterval) {

    public static final String DEFAULT_PUBLICATION = "mma_outbox";
    public static final String DEFAULT_TABLE = "public.outbox";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    // Identifiers end up in DDL (CREATE PUBLICATION ... FOR TABLE ...), where they cannot be bound
    // as parameters: accept only plain lower-case names.
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern QUALIFIED_TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}\\.[a-z_][a-z0-9_]{0,62}");

    public OutboxRelaySettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        PostgresLocation.parse(jdbcUrl);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        requireMatch(NAME, slotName, "slot name");
        requireMatch(NAME, publicationName, "publication name");
        requireMatch(QUALIFIED_TABLE, table, "outbox table (schema.table)");
        Objects.requireNonNull(source, "source");
        requireText(offsetTopic, "offset topic");
        requireText(bootstrapServers, "Kafka bootstrap servers");
        requirePositive(pollInterval, "poll interval");
        requirePositive(heartbeatInterval, "heartbeat interval");
    }

    /**
     * Settings with the defaults every service uses: publication {@value #DEFAULT_PUBLICATION}
     * (created by the migration), table {@value #DEFAULT_TABLE}, 50 ms polls, 10 s heartbeats.
     */
    public static OutboxRelaySettings withDefaults(String jdbcUrl, String username, String password, String slotName,
                                                   URI source, String offsetTopic, String bootstrapServers) {
        return new OutboxRelaySettings(jdbcUrl, username, password, slotName, DEFAULT_PUBLICATION, DEFAULT_TABLE,
                source, offsetTopic, bootstrapServers, DEFAULT_POLL_INTERVAL, DEFAULT_HEARTBEAT_INTERVAL);
    }

    /** The offset topic a service gets unless it names one: derived from its unique slot name. */
    public static String defaultOffsetTopic(String slotName) {
        return "mma.outbox-offsets." + slotName;
    }

    public OutboxRelaySettings withHeartbeatInterval(Duration interval) {
        return new OutboxRelaySettings(jdbcUrl, username, password, slotName, publicationName, table, source,
                offsetTopic, bootstrapServers, pollInterval, interval);
    }

    PostgresLocation location() {
        return PostgresLocation.parse(jdbcUrl);
    }

    String schemaName() {
        return table.substring(0, table.indexOf('.'));
    }

    String tableName() {
        return table.substring(table.indexOf('.') + 1);
    }

    /**
     * A table of the outbox's schema, as SQL: {@code "schema"."name"}. Names are validated here; quoting keeps them
     * exactly as written.
     */
    String quotedTable(String name) {
        return '"' + schemaName() + "\".\"" + name + '"';
    }

    /** The outbox table, as SQL. */
    String quotedTable() {
        return quotedTable(tableName());
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "OutboxRelaySettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***"
                + ", slotName=" + slotName + ", publicationName=" + publicationName + ", table=" + table
                + ", source=" + source + ", offsetTopic=" + offsetTopic + ", bootstrapServers=" + bootstrapServers
                + ", pollInterval=" + pollInterval + ", heartbeatInterval=" + heartbeatInterval + "]";
    }

    private static void requireMatch(Pattern pattern, String value, String what) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern + ", got '" + value + "'");
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
