package cn.hunan.mma.infra;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a minted token speaks for: subject, roles ({@code groups}) and the optional scope claims.
 * Roles are the platform's claim values: {@code province-admin}, {@code city-operator},
 * {@code alliance-operator}, {@code institution-user}, {@code insurance-officer},
 * {@code auditor}. They are not checked here, so tests can also mint tokens with unknown roles.
 * Scope values are whatever the services expect (GB/T 2260 division codes for province and city).
 *
 * <pre>{@code
 * TokenClaims.forSubject("operator-1", "city-operator").inCity("430100")
 * }</pre>
 */
public record TokenClaims(String subject, List<String> groups, Optional<String> province, Optional<String> city,
                          Optional<String> alliance, Optional<String> institution, Duration lifetime) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    public TokenClaims {
        Objects.requireNonNull(subject, "subject");
        groups = List.copyOf(groups);
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(alliance, "alliance");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    public static TokenClaims forSubject(String subject, String... groups) {
        return new TokenClaims(subject, List.of(groups), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_LIFETIME);
    }

    public TokenClaims inProvince(String code) {
        return new TokenClaims(subject, groups, Optional.of(code), city, alliance, institution, lifetime);
    }

    public TokenClaims inCity(String code) {
        return new TokenClaims(subject, groups, province, Optional.of(code), alliance, institution, lifetime);
    }

    public TokenClaims inAlliance(String allianceId) {
        return new TokenClaims(subject, groups, province, city, Optional.of(allianceId), institution, lifetime);
    }

    public TokenClaims atInstitution(String institutionId) {
        return new TokenClaims(subject, groups, province, city, alliance, Optional.of(institutionId), lifetime);
    }

    /** A negative lifetime mints a token that has already expired. */
    public TokenClaims validFor(Duration lifetime) {
        return new TokenClaims(subject, groups, province, city, alliance, institution, lifetime);
    }
}
