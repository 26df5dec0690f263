package cn.hunan.mma.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The request's {@link Caller}, read from the verified bearer token (once per token text:
 * {@link KnownCallers}). Request-scoped (proxied), so singleton resources can inject it safely.
 */
@RequestScoped
public class CurrentCaller {

    /** Scope claim names; the identity provider maps its attributes onto these. */
    public static final String PROVINCE_CLAIM = "province";
    public static final String CITY_CLAIM = "city";
    public static final String ALLIANCE_CLAIM = "alliance";
    public static final String INSTITUTION_CLAIM = "institution";

    private final JsonWebToken token;
    private final KnownCallers known;
    private Caller caller;

    @Inject
    public CurrentCaller(JsonWebToken token, KnownCallers known) {
        this.token = token;
        this.known = known;
    }

    public Caller get() {
        if (caller == null) {
            caller = known.of(token, CurrentCaller::fromToken);
        }
        return caller;
    }

    static Caller fromToken(JsonWebToken token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : token.getGroups()) {
            Role.fromClaim(group).ifPresent(roles::add);
        }
        Scope scope = Scope.fromClaims(claim(token, PROVINCE_CLAIM), claim(token, CITY_CLAIM),
                claim(token, ALLIANCE_CLAIM), claim(token, INSTITUTION_CLAIM));
        return new Caller(token.getSubject(), roles, scope);
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        // SmallRye JWT hands string claims back as jakarta.json.JsonString; toString() would quote them.
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
