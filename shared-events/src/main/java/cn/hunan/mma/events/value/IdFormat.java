package cn.hunan.mma.events.value;

/**
 * The text form shared by code-like ids (institution, alliance, department, referral, episode):
 * 1–64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit. No ':'
 * because composite topic keys use it as a separator; no spaces, so ids survive URLs and headers.
 */
final class IdFormat {

    static final int MAX_LENGTH = 64;
    /** The same rule as a regular expression, for the JSON Schemas. */
    static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private IdFormat() {
    }

    /** Hand-written rather than a regex: ids are checked several times per decoded event. */
    static String requireCode(String value, String what) {
        if (value == null) {
            throw ContractViolation.missing(what);
        }
        int length = value.length();
        boolean ok = length > 0 && length <= MAX_LENGTH && isAlphanumeric(value.charAt(0));
        for (int i = 1; ok && i < length; i++) {
            char c = value.charAt(i);
            ok = isAlphanumeric(c) || c == '.' || c == '_' || c == '-';
        }
        if (!ok) {
            throw new ContractViolation(Reason.MALFORMED_ID, null,
                    what + " must be 1-" + MAX_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
