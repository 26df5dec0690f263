package cn.hunan.mma.benchmark.load;

import java.util.Optional;

/**
 * One recommendation request of the mix: a path with its query string, and the referring doctor's
 * bearer token for the referral endpoint (empty for the public one).
 */
public record PlannedQuery(String pathAndQuery, Optional<String> bearerToken) {

    private static final String NO_TOKEN = "-";

    /** One line of the queries file: {@code <token or ->\t<path?query>}. */
    public String toLine() {
        return bearerToken.orElse(NO_TOKEN) + "\t" + pathAndQuery;
    }

    public static PlannedQuery parse(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new IllegalArgumentException("not a query line (token TAB path): " + line);
        }
        String token = line.substring(0, tab);
        return new PlannedQuery(line.substring(tab + 1), NO_TOKEN.equals(token) ? Optional.empty() : Optional.of(token));
    }
}
