package cn.hunan.mma.navigation.registry.service;

import java.util.Set;
import java.util.UUID;

/**
 * The version an operator's edit was made on, as its If-Match states it (RFC 9110 §13.1.1): the versions it may be
 * (ETags, each the id of a snapshot published for the row; the current one must be among them), or {@code *} —
 * whatever version is current. {@code *} makes the edit unconditional on an existing row; it is still false for a row that does
 * not exist, so a put that would otherwise create the row is refused (412) rather than creating it.
 */
public sealed interface ExpectedVersion {

    /** {@code If-Match: *}. */
    ExpectedVersion ANY = new AnyVersion();

    /** {@code If-Match: "v1", "v2"}: true when the current version is one of them; none (only weak or foreign tags) never is. */
    static ExpectedVersion oneOf(Set<UUID> versions) {
        return new OneOf(Set.copyOf(versions));
    }

    /** Whether a row whose current version is {@code current} satisfies the condition. */
    boolean matches(UUID current);

    record OneOf(Set<UUID> versions) implements ExpectedVersion {

        @Override
        public boolean matches(UUID current) {
            return versions.contains(current);
        }
    }

    record AnyVersion() implements ExpectedVersion {

        @Override
        public boolean matches(UUID current) {
            return true;
        }
    }
}
