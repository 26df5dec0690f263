package cn.hunan.mma.events.value;

/**
 * The wire form of money: yuan as a decimal string with exactly two decimals ("12345.67"), so
 * no JSON library on the way can turn it into a binary double. One canonical spelling per amount
 * (no '+', no leading zeros), so re-encoding a record yields the same bytes.
 */
final class YuanText {

    /** 16 integer digits of yuan stay within a long of fen. */
    static final String UNSIGNED_PATTERN = "^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$";
    static final String SIGNED_PATTERN = "^-?(0|[1-9][0-9]{0,15})\\.[0-9]{2}$";
    private static final int MAX_INTEGER_DIGITS = 16;

    private YuanText() {
    }

    /** Parses canonical yuan text to fen; a leading '-' is allowed and yields a negative result. */
    static long parseFen(String text, String what) {
        if (text == null) {
            throw ContractViolation.missing(what);
        }
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        int dot = text.length() - 3;
        int integerDigits = dot - start;
        if (integerDigits < 1 || integerDigits > MAX_INTEGER_DIGITS || text.charAt(dot) != '.'
                || (integerDigits > 1 && text.charAt(start) == '0')) {
            throw malformed(what);
        }
        long fen = 0;
        for (int i = start; i < text.length(); i++) {
            if (i == dot) {
                continue;
            }
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(what);
            }
            fen = fen * 10 + (c - '0');
        }
        if (negative && fen == 0) {
            throw malformed(what); // "-0.00" is not the canonical spelling of zero
        }
        return negative ? -fen : fen;
    }

    static String format(long fen) {
        long magnitude = Math.abs(fen);
        long cents = magnitude % 100;
        return (fen < 0 ? "-" : "") + (magnitude / 100) + (cents < 10 ? ".0" : ".") + cents;
    }

    private static ContractViolation malformed(String what) {
        return new ContractViolation(Reason.MALFORMED_MONEY, null,
                what + " must be a string of yuan with exactly two decimals, e.g. \"12345.67\"");
    }
}
