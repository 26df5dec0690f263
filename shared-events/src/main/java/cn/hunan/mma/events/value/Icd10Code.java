package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A diagnosis in ICD-10: the WHO forms (I10, E11.9, S72.00) and the Chinese national clinical /
 * insurance editions, which extend the subcategory to three characters ({@code A00.000},
 * {@code I10.x00} where 'x' pads a category without subdivisions) and may add a local extension
 * {@code x001} ({@code I10.x00x002}). Dagger/asterisk pairs are sent as two codes.
 */
public record Icd10Code(@JsonValue String value) {

    /** The form, for the JSON Schemas; {@link #hasForm} is the same rule by hand (a regex match allocates). */
    public static final String PATTERN = "^[A-Z][0-9]{2}(\\.([0-9]{1,2}|([0-9]{3}|x[0-9]{2})(x[0-9]{3})?))?$";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Icd10Code {
        if (value == null) {
            throw ContractViolation.missing("ICD-10 code");
        }
        if (!hasForm(value)) {
            throw new ContractViolation(Reason.MALFORMED_ICD10, null,
                    "ICD-10 code must look like I10, E11.9, A00.000, I10.x00 or I10.x00x002");
        }
    }

    public static Icd10Code of(String value) {
        return new Icd10Code(value);
    }

    /** The three-character category, e.g. "I10"; the unit the guidance catalogue usually lists. */
    public String category() {
        return value.substring(0, 3);
    }

    /** True when this code falls under the given (shorter or equal) code, e.g. I10.x00x002 under I10. */
    public boolean isUnder(Icd10Code prefix) {
        return value.startsWith(prefix.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** {@link #PATTERN}: a letter and two digits, then optionally '.' and 1-2 digits, or a 3-character subcategory with an optional x-extension. */
    private static boolean hasForm(String text) {
        int length = text.length();
        if (length < 3 || !CodeChars.isUpper(text.charAt(0)) || !CodeChars.digits(text, 1, 3)) {
            return false;
        }
        if (length == 3) {
            return true;
        }
        if (text.charAt(3) != '.') {
            return false;
        }
        return switch (length - 4) {
            case 1, 2 -> CodeChars.digits(text, 4, length);
            case 3 -> subcategory(text, 4);
            case 7 -> subcategory(text, 4) && text.charAt(7) == 'x' && CodeChars.digits(text, 8, 11);
            default -> false;
        };
    }

    /** [0-9]{3} or x[0-9]{2} at the given index. */
    private static boolean subcategory(String text, int at) {
        char first = text.charAt(at);
        return (CodeChars.isDigit(first) || first == 'x') && CodeChars.digits(text, at + 1, at + 3);
    }
}
