package cn.hunan.mma.events.value;

/**
 * Why a record was refused. Travels with every rejection (exception, decode result, dead-letter
 * header), so operators and the province's integration can group bad input by cause.
 */
public enum Reason {
    /** The payload is larger than the codec's limit; checked before parsing. */
    OVERSIZE_PAYLOAD,
    /** Not JSON, or JSON that ends early. */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field holds a JSON value of the wrong kind (e.g. a number where text belongs). */
    WRONG_TYPE,
    /** The {@code type} field names no registered event type. */
    UNKNOWN_EVENT_TYPE,
    /** The {@code type} is registered but does not belong on the topic being read. */
    UNEXPECTED_EVENT_TYPE,
    MALFORMED_ICD10,
    MALFORMED_ICD9CM3,
    MALFORMED_DRG_CODE,
    MALFORMED_DIVISION_CODE,
    /** An id (event, institution, alliance, referral, pseudonym…) does not have its format. */
    MALFORMED_ID,
    NEGATIVE_MONEY,
    MALFORMED_MONEY,
    /** {@code occurredAt} lies further in the future than the codec tolerates. */
    TIMESTAMP_IN_FUTURE,
    /** A patient field holds what looks like a national ID number: the sender leaked identity. */
    NATIONAL_ID_IN_PSEUDONYM,
    /** Anything else: out-of-range numbers, unknown enum constants, inconsistent fields. */
    INVALID_VALUE
}
