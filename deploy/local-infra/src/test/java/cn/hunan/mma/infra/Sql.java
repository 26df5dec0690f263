package cn.hunan.mma.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for the tests: statements and single-column queries against one database. */
final class Sql {

    private final String jdbcUrl;
    private final String username;
    private final String password;

    Sql(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    static Sql on(LocalPostgres postgres, String database) {
        return new Sql(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    String string(String query) throws SQLException {
        List<String> values = strings(query);
        if (values.size() != 1) {
            throw new AssertionError("expected one row from " + query + ", got " + values);
        }
        return values.get(0);
    }

    List<byte[]> bytes(String query) throws SQLException {
        List<byte[]> values = new ArrayList<>();
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getBytes(1));
            }
        }
        return values;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
