package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A CHS-DRG group: MDC letter, ADRG letter and digit, then the severity digit (ES31, FV25) or
 * a local subgroup letter (CD1A), as in the national 1.1 scheme and Hunan cities' local groups.
 */
public record DrgCode(@JsonValue String value) {

    public static final String PATTERN = "^[A-Z]{2}[0-9][0-9A-Z]$";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DrgCode {
        if (value == null) {
            throw ContractViolation.missing("DRG code");
        }
        if (!isDrgCode(value)) {
            throw new ContractViolation(Reason.MALFORMED_DRG_CODE, null, "DRG code must look like ES31 or CD1A");
        }
    }

    public static DrgCode of(String value) {
        return new DrgCode(value);
    }

    /** The base group (ADRG), e.g. "ES3" for ES31. */
    public String adrg() {
        return value.substring(0, 3);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isDrgCode(String text) {
        return text.length() == 4
                && isUpper(text.charAt(0)) && isUpper(text.charAt(1)) && isDigit(text.charAt(2))
                && (isDigit(text.charAt(3)) || isUpper(text.charAt(3)));
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
