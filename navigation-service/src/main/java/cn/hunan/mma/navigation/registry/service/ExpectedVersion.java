package cn.hunan.mma.navigation.registry.service;

import java.util.UUID;

/**
 * The version an operator's edit was made on, as its If-Match states it (RFC 9110 §13.1.1): one version (an ETag,
 * the id of the snapshot last published for the row), or {@code *} — whatever version is current. {@code *} makes
 * the edit unconditional on an existing row; it is still false for a row that does not exist, so a put that would
 * otherwise create the row is refused (412) rather than creating it.
 */
public sealed interface ExpectedVersion {

    /** {@code If-Match: *}. */
    ExpectedVersion ANY = new AnyVersion();

    static ExpectedVersion of(UUID version) {
        return new Exactly(version);
    }

    /** Whether a row whose current version is {@code current} satisfies the condition. */
    boolean matches(UUID current);

    record Exactly(UUID version) implements ExpectedVersion {

        @Override
        public boolean matches(UUID current) {
            return version.equals(current);
        }
    }

    record AnyVersion() implements ExpectedVersion {

        @Override
        public boolean matches(UUID current) {
            return true;
        }
    }
}
