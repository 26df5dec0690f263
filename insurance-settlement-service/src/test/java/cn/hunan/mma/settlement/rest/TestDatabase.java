package cn.hunan.mma.settlement.rest;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

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
}
