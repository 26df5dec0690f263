package cn.hunan.mma.platform.outbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host, port and database of a PostgreSQL JDBC URL. Services configure one JDBC URL (the one Flyway
 * uses); Debezium wants the parts separately.
 */
record PostgresLocation(String host, int port, String database) {

    private static final int DEFAULT_PORT = 5432;
    private static final Pattern JDBC_URL =
            Pattern.compile("jdbc:postgresql://(?<host>[^:/?,]+)(?::(?<port>\\d{1,5}))?/(?<database>[^?/]+)(?:\\?.*)?");

    static PostgresLocation parse(String jdbcUrl) {
        Matcher matcher = JDBC_URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a single-host PostgreSQL JDBC URL "
                    + "'jdbc:postgresql://host[:port]/database', got '" + jdbcUrl + "'");
        }
        String port = matcher.group("port");
        return new PostgresLocation(matcher.group("host"),
                port == null ? DEFAULT_PORT : Integer.parseInt(port),
                matcher.group("database"));
    }
}
