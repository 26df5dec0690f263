package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A procedure in ICD-9-CM-3: the plain forms (47, 47.0, 47.09) and the Chinese insurance
 * edition 2.0 forms, four characters after the point ({@code 47.0901}, {@code 01.6x00}) with an
 * optional local extension ({@code 00.6600x004}), plus its five-character and TCM forms
 * ({@code 17.91100}, {@code 17.912A0}), and the edition's two irregular {@code 86.700x0013}-style codes.
 */
public record Icd9Cm3Code(@JsonValue String value) {

    /** The form, for the JSON Schemas; {@link #hasForm} is the same rule by hand (a regex match allocates). */
    public static final String PATTERN =
            "^[0-9]{2}(\\.([0-9]{1,2}|[0-9]{5}|[0-9]{3}[A-Z][0-9]|[0-9]{3}x[0-9]{4}|([0-9]{4}|[0-9]x[0-9]{2})(x[0-9]{3,4})?))?$";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Icd9Cm3Code {
        if (value == null) {
            throw ContractViolation.missing("ICD-9-CM-3 code");
        }
        if (!hasForm(value)) {
            throw new ContractViolation(Reason.MALFORMED_ICD9CM3, null,
                    "ICD-9-CM-3 code must look like 47.09, 47.0901, 01.6x00 or 00.6600x004");
        }
    }

    public static Icd9Cm3Code of(String value) {
        return new Icd9Cm3Code(value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** {@link #PATTERN}, by the length of what follows "NN.". */
    private static boolean hasForm(String text) {
        int length = text.length();
        if (length < 2 || !CodeChars.digits(text, 0, 2)) {
            return false;
        }
        if (length == 2) {
            return true;
        }
        if (text.charAt(2) != '.') {
            return false;
        }
        return switch (length - 3) {
            case 1, 2 -> CodeChars.digits(text, 3, length);
            case 4 -> fourCharacterForm(text, 3);
            // 17.91100 or the TCM form 17.912A0
            case 5 -> CodeChars.digits(text, 3, 6) && (CodeChars.isDigit(text.charAt(6)) || CodeChars.isUpper(text.charAt(6)))
                    && CodeChars.isDigit(text.charAt(7));
            // 86.700x0013, or a four-character form with a three-digit extension (00.6600x004)
            case 8 -> CodeChars.digits(text, 3, 6) && text.charAt(6) == 'x' && CodeChars.digits(text, 7, 11)
                    || fourCharacterForm(text, 3) && text.charAt(7) == 'x' && CodeChars.digits(text, 8, 11);
            // a four-character form with a four-digit extension
            case 9 -> fourCharacterForm(text, 3) && text.charAt(7) == 'x' && CodeChars.digits(text, 8, 12);
            default -> false;
        };
    }

    /** [0-9]{4} or [0-9]x[0-9]{2} at the given index. */
    private static boolean fourCharacterForm(String text, int at) {
        char second = text.charAt(at + 1);
        return CodeChars.isDigit(text.charAt(at)) && (CodeChars.isDigit(second) || second == 'x') && CodeChars.digits(text, at + 2, at + 4);
    }
}
