package cn.hunan.mma.simulator.events.faults;

import java.util.SplittableRandom;

/**
 * Ways a value gets damaged, each rejected by the contract codec for its own reason: what a
 * misbehaving hospital system or a broken integration really sends.
 */
public enum Malformation {
    /** Cut short mid-value: MALFORMED_JSON. */
    TRUNCATED,
    /** A type name nobody registered: UNKNOWN_EVENT_TYPE. */
    UNKNOWN_TYPE,
    /** occurredAt decades ahead: TIMESTAMP_IN_FUTURE. */
    FUTURE_TIMESTAMP,
    /** An event id that is not a UUID: MALFORMED_ID. */
    BAD_EVENT_ID,
    /** No event id at all: MISSING_FIELD. */
    MISSING_EVENT_ID,
    /** A national-ID-shaped number where the pseudonym belongs: NATIONAL_ID_IN_PSEUDONYM (else truncated). */
    NATIONAL_ID_AS_PATIENT,
    /** A negative bill: NEGATIVE_MONEY (else truncated). */
    NEGATIVE_MONEY;

    private static final Malformation[] ALL = values();
    /** Shaped like an ID number (18 digits) but not anyone's: birth date 0000-00-00. */
    private static final String FAKE_ID_NUMBER = "430000000000000000";

    static Malformation draw(SplittableRandom random) {
        return ALL[random.nextInt(ALL.length)];
    }

    /** The damaged form of a single-line JSON value; never introduces tabs or newlines. */
    public String apply(String json, SplittableRandom random) {
        return switch (this) {
            case TRUNCATED -> truncate(json, random);
            case UNKNOWN_TYPE -> json.replaceFirst("^\\{\"type\":\"([A-Za-z]+)\"", "{\"type\":\"$1Legacy\"");
            case FUTURE_TIMESTAMP -> json.replaceFirst("\"occurredAt\":\"[0-9]{4}", "\"occurredAt\":\"2099");
            case BAD_EVENT_ID -> json.replaceFirst("\"eventId\":\"[0-9a-f]", "\"eventId\":\"z");
            case MISSING_EVENT_ID -> json.replaceFirst("\"eventId\":\"[0-9a-f-]{36}\",", "");
            case NATIONAL_ID_AS_PATIENT -> json.contains("\"patient\":\"")
                    ? json.replaceFirst("\"patient\":\"[0-9a-f]{64}\"", "\"patient\":\"" + FAKE_ID_NUMBER + "\"")
                    : truncate(json, random);
            case NEGATIVE_MONEY -> json.contains("\"total\":\"")
                    ? json.replaceFirst("\"total\":\"", "\"total\":\"-")
                    : truncate(json, random);
        };
    }

    private static String truncate(String json, SplittableRandom random) {
        int keep = 10 + random.nextInt(Math.max(1, json.length() - 20));
        return json.substring(0, keep);
    }
}
