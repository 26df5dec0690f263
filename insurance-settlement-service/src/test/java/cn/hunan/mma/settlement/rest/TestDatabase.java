package cn.hunan.mma.settlement.rest;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A JDBC connection to the test application's database, for arranging and observing stored rows. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The single number a {@code SELECT count(*) …} answers. */
    public static long count(String countQuery) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(countQuery)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits (up to a minute) until {@code countQuery} counts {@code expected}: what a consumer stores arrives in its time. */
    public static void awaitCount(String countQuery, long expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> count(countQuery) == expected);
    }

    /** A composite score as the scores consumer stores it, for an entity kind ({@code INSTITUTION}, {@code ALLIANCE}). */
    public static void storeComposite(String entityKind, String entityId, String period, String composite) throws SQLException {
        try (Connection db = connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO composite_score (entity_kind, entity_id, period, composite, "
                     + "rule_version, event_id, occurred_at) VALUES (?, ?, ?, ?, 'test', ?, now())")) {
            insert.setString(1, entityKind);
            insert.setString(2, entityId);
            insert.setString(3, period);
            insert.setBigDecimal(4, new BigDecimal(composite));
            insert.setObject(5, UUID.randomUUID());
            insert.executeUpdate();
        }
    }
}
