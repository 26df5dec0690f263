package cn.hunan.mma.platform.security;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bearer tokens already verified, by their exact text, until they expire — the memory behind
 * {@link VerifiedTokenCache}, kept apart from CDI so it can be tested with a clock.
 *
 * <p>Safe because a token's text fixes everything verification looked at — signature, issuer,
 * audience, groups, expiry — and the verified result is immutable; the one thing that changes with
 * time, expiry, is checked on every hit against the token's own {@code exp}. Only successful
 * verifications are remembered. Bounded: when full, expired entries are dropped and, if it is still
 * full, all of them (tokens are verified again on their next use).
 */
public final class VerifiedTokens {

    /** Verifies a token the slow way (signature and claims), throwing when it is not acceptable. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String bearerToken) throws ParseException;
    }

    static final int MAX_ENTRIES = 8_192;

    private record Verified(JsonWebToken token, long expiresAtSecond) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(Clock clock) {
        this(clock, MAX_ENTRIES);
    }

    VerifiedTokens(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The remembered verification of this exact token while it has not expired, else {@code verifier}'s. */
    public JsonWebToken verified(String bearerToken, Verifier verifier) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(bearerToken);
        if (known != null && now < known.expiresAtSecond()) {
            return known.token();
        }
        JsonWebToken token = verifier.verify(bearerToken);
        // A token without exp is not remembered: there is no lifetime to bound the entry by.
        if (token.getExpirationTime() > now) {
            makeRoom(now);
            verified.put(bearerToken, new Verified(token, token.getExpirationTime()));
        }
        return token;
    }

    int size() {
        return verified.size();
    }

    private void makeRoom(long now) {
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> entry.expiresAtSecond() <= now);
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
    }
}
