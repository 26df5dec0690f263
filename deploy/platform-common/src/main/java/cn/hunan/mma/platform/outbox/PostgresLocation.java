package cn.hunan.mma.platform.outbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host, port, database and connection parameters of a PostgreSQL JDBC URL. Services configure one
 * JDBC URL (the one Flyway uses); Debezium wants the parts separately. The parameters matter: a
 * deployment that requires {@code sslmode=verify-full} must get it on the replication connection too.
 *
 * @param parameters the URL's query parameters in their order, decoded; empty when there are none
 */
record PostgresLocation(String host, int port, String database, Map<String, String> parameters) {

    private static final int DEFAULT_PORT = 5432;
    private static final Pattern JDBC_URL = Pattern.compile(
            "jdbc:postgresql://(?<host>[^:/?,]+)(?::(?<port>\\d{1,5}))?/(?<database>[^?/]+)(?:\\?(?<query>.*))?");

    PostgresLocation {
        parameters = Map.copyOf(parameters);
    }

    PostgresLocation(String host, int port, String database) {
        this(host, port, database, Map.of());
    }

    static PostgresLocation parse(String jdbcUrl) {
        Matcher matcher = JDBC_URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a single-host PostgreSQL JDBC URL "
                    + "'jdbc:postgresql://host[:port]/database[?parameters]', got '" + jdbcUrl + "'");
        }
        String port = matcher.group("port");
        return new PostgresLocation(matcher.group("host"),
                port == null ? DEFAULT_PORT : Integer.parseInt(port),
                matcher.group("database"),
                parameters(matcher.group("query")));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
