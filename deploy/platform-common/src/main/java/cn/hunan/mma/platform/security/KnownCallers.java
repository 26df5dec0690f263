package cn.hunan.mma.platform.security;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Callers already read from a verified bearer token, by the token's exact text. A client sends the
 * same token with every request for its lifetime, and reading the four scope claims cost more than
 * the whole referral decision: smallrye-jwt's {@code getClaim} first tries the name as one of the
 * standard claims and throws (stack trace and all) for each custom claim it is not.
 *
 * <p>Safe because the token's text fixes every claim a {@link Caller} is read from, and a Caller is
 * immutable. Consulted only for a token this request has already verified, so the memo never lets
 * an unverified or expired token through: it saves the reading, not the verification. Bounded like
 * {@link VerifiedTokens}: when full it starts again empty.
 */
@Singleton
public class KnownCallers {

    static final int MAX_ENTRIES = 8_192;

    private final int maxEntries;
    private final ConcurrentMap<String, Caller> callers = new ConcurrentHashMap<>();

    public KnownCallers() {
        this(MAX_ENTRIES);
    }

    KnownCallers(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The caller of this verified token: remembered by its raw text, else {@code read} (and remembered). */
    Caller of(JsonWebToken token, Function<JsonWebToken, Caller> read) {
        String raw = token.getRawToken();
        if (raw == null) {
            return read.apply(token);
        }
        Caller known = callers.get(raw);
        if (known != null) {
            return known;
        }
        Caller caller = read.apply(token);
        if (callers.size() >= maxEntries) {
            callers.clear();
        }
        callers.put(raw, caller);
        return caller;
    }

    int size() {
        return callers.size();
    }
}
