package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.UUID;

/**
 * The unique id of one event, in canonical UUID text. Consumers deduplicate on it, so it is
 * normalised to lower case: the same id sent in either case must dedupe to one event.
 */
public record EventId(@JsonValue String value) {

    public static final String PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final int[] HYPHENS = {8, 13, 18, 23};
    private static final int NOT_A_UUID = -1;
    private static final int LOWER_CASE = 0;
    private static final int NEEDS_LOWER_CASE = 1;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EventId {
        if (value == null) {
            throw ContractViolation.missing("event id");
        }
        int form = canonicalUuidForm(value);
        if (form == NOT_A_UUID) {
            throw new ContractViolation(Reason.MALFORMED_ID, null, "event id must be a UUID in 8-4-4-4-12 hex form");
        }
        if (form == NEEDS_LOWER_CASE) {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    public static EventId of(UUID uuid) {
        return new EventId(uuid.toString());
    }

    public static EventId random() {
        return of(UUID.randomUUID());
    }

    public UUID asUuid() {
        return UUID.fromString(value);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * UUID.fromString accepts non-canonical forms such as "1-2-3-4-5"; ids must compare as text.
     * Also says whether lower-casing would change anything, so the usual (lower-case) id is kept
     * as it is. A hex digit is whatever Character.digit(c, 16) accepts, as it always was.
     */
    private static int canonicalUuidForm(String text) {
        if (text.length() != 36) {
            return NOT_A_UUID;
        }
        int form = LOWER_CASE;
        int nextHyphen = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (nextHyphen < HYPHENS.length && i == HYPHENS[nextHyphen]) {
                if (c != '-') {
                    return NOT_A_UUID;
                }
                nextHyphen++;
            } else if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                if (Character.digit(c, 16) < 0) {
                    return NOT_A_UUID;
                }
                form = NEEDS_LOWER_CASE;
            }
        }
        return form;
    }
}
