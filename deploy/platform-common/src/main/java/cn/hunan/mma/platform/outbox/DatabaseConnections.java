package cn.hunan.mma.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens the relay's own JDBC connections (slot setup, cleanup), named so DBAs can tell them apart. */
final class DatabaseConnections {

    private final OutboxRelaySettings settings;

    DatabaseConnections(OutboxRelaySettings settings) {
        this.settings = settings;
    }

    Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.username());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", "mma-outbox-relay-" + settings.slotName());
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }
}
