package cn.hunan.mma.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import org.postgresql.Driver;

/**
 * How clients reach a local PostgreSQL: loopback, a port, the superuser. Kept apart from the
 * server so a test resource can use a server that another class loader started.
 */
record PostgresEndpoint(int port) {

    static final String USERNAME = "postgres";
    /** Trust authentication on loopback ignores it, but drivers and Quarkus want one. */
    static final String PASSWORD = "postgres";
    static final String HOST = "127.0.0.1";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** SQLSTATE duplicate_database: a concurrent caller created it first. */
    private static final String DUPLICATE_DATABASE = "42P04";

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    String reactiveUrl(String database) {
        return "postgresql://" + HOST + ":" + port + "/" + database;
    }

    void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = connectTo("postgres")) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    // Safe to quote as is: the name matched the pattern above.
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    /** A server setting in {@code postgresql.auto.conf} (one that needs no restart), applied by the server moments later. */
    void alterSystem(String name, String value) {
        try (Connection connection = connectTo("postgres"); Statement statement = connection.createStatement()) {
            // ALTER SYSTEM takes no parameters; the callers pass constants of their own.
            statement.execute("ALTER SYSTEM SET " + name + " = '" + value + "'");
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set " + name + " = " + value, e);
        }
    }

    /**
     * Straight through the driver: DriverManager refuses a driver registered from another class
     * loader, which is what a second Quarkus test application sees ("No suitable driver").
     */
    private Connection connectTo(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USERNAME);
        credentials.setProperty("password", PASSWORD);
        return new Driver().connect(jdbcUrl(database), credentials);
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
