package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.navigation.registry.persistence.RegistryRow;
import cn.hunan.mma.navigation.registry.service.ExpectedVersion;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A registry row's version for optimistic concurrency: the id of the snapshot last published for
 * it, as a strong entity tag. Every published change gets a new event id, so the tag changes
 * exactly when the row does.
 */
final class Versions {

    static final String MALFORMED_IF_MATCH = "MALFORMED_IF_MATCH";

    private Versions() {
    }

    static EntityTag tagOf(RegistryRow<?> row) {
        return new EntityTag(row.lastEventId().toString());
    }

    /**
     * The version an edit was made on. Absent → 428 (an edit must say which version it changes);
     * {@code *} states it (any current version, see {@link ExpectedVersion}); a list of tags states those
     * versions, and one matching no current version (an outdated, weak or foreign tag) makes the edit stale (412);
     * a field that is no list of entity-tags → 400.
     */
    static ExpectedVersion required(List<String> ifMatch) {
        String field = field(ifMatch);
        if (field == null) {
            throw new WebApplicationException(ProblemResponses.of(Problem.of(428, "Precondition Required",
                    "send If-Match with the ETag of the version you edited")));
        }
        return parsed(field);
    }

    /** The version an edit was made on, absent for a put that creates (see {@link #required} for tags). */
    static Optional<ExpectedVersion> optional(List<String> ifMatch) {
        return Optional.ofNullable(field(ifMatch)).map(Versions::parsed);
    }

    /**
     * The field the request's If-Match lines make: several lines are one comma-separated list (RFC 9110 §5.3), so the
     * stale first of two does not hide the current second (before 2026-11-25 (6) only the first line was read).
     */
    private static String field(List<String> lines) {
        String field = lines == null ? "" : String.join(", ", lines);
        return field.isBlank() ? null : field;
    }

    /**
     * {@code *}, or the versions among the listed tags: If-Match compares strongly (RFC 9110 §13.1.1), so a weak tag
     * never matches, and neither does a tag that is not exactly an event id as {@link #tagOf} writes it. A field that
     * is neither {@code *} nor a list of entity-tags is the client's mistake: 400 naming If-Match.
     */
    private static ExpectedVersion parsed(String ifMatch) {
        String field = ifMatch.strip();
        if (field.equals("*")) {
            // Answered 412 before 2026-11-25 (5): "*" was read as a tag that is no event id.
            return ExpectedVersion.ANY;
        }
        List<EntityTag> tags;
        try {
            tags = EntityTagList.parse(field);
        } catch (IllegalArgumentException malformed) {
            // Read leniently before 2026-11-25 (6): quotes dropped, a list read as one tag, W/ ignored.
            throw new WebApplicationException(ProblemResponses.of(Problem.of(400, "Malformed If-Match",
                            "If-Match must be * or a comma-separated list of entity-tags such as \"3f2a…\": " + malformed.getMessage())
                    .withErrors(List.of(new Problem.FieldError(HttpHeaders.IF_MATCH, MALFORMED_IF_MATCH)))));
        }
        return ExpectedVersion.oneOf(tags.stream().filter(tag -> !tag.isWeak())
                .flatMap(tag -> version(tag.getValue()).stream()).collect(Collectors.toSet()));
    }

    /** The event id the opaque tag is, character for character (strong comparison), if it is one. */
    private static Optional<UUID> version(String opaque) {
        try {
            UUID version = UUID.fromString(opaque);
            return version.toString().equals(opaque) ? Optional.of(version) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
