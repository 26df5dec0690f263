package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.navigation.registry.persistence.RegistryRow;
import cn.hunan.mma.navigation.registry.service.ExpectedVersion;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;

import java.util.Optional;
import java.util.UUID;

/**
 * A registry row's version for optimistic concurrency: the id of the snapshot last published for
 * it, as a strong entity tag. Every published change gets a new event id, so the tag changes
 * exactly when the row does.
 */
final class Versions {

    private static final UUID NO_SUCH_VERSION = new UUID(0, 0);

    private Versions() {
    }

    static EntityTag tagOf(RegistryRow<?> row) {
        return new EntityTag(row.lastEventId().toString());
    }

    /**
     * The version an edit was made on. Absent → 428 (an edit must say which version it changes);
     * {@code *} states it (any current version, see {@link ExpectedVersion}); a tag that is no event id
     * matches no version, so the edit is refused as stale (412).
     */
    static ExpectedVersion required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new WebApplicationException(ProblemResponses.of(Problem.of(428, "Precondition Required",
                    "send If-Match with the ETag of the version you edited")));
        }
        return parsed(ifMatch);
    }

    /** The version an edit was made on, absent for a put that creates (see {@link #required} for tags). */
    static Optional<ExpectedVersion> optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? Optional.empty() : Optional.of(parsed(ifMatch));
    }

    private static ExpectedVersion parsed(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            // Answered 412 before 2026-11-25 (5): "*" was read as a tag that is no event id.
            return ExpectedVersion.ANY;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return ExpectedVersion.of(UUID.fromString(tag));
        } catch (IllegalArgumentException e) {
            return ExpectedVersion.of(NO_SUCH_VERSION);
        }
    }
}
