package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A diagnosis in ICD-10: the WHO forms (I10, E11.9, S72.00) and the Chinese national clinical /
 * insurance editions, which extend the subcategory to three characters ({@code A00.000},
 * {@code I10.x00} where 'x' pads a category without subdivisions) and may add a local extension
 * {@code x001} ({@code I10.x00x002}). Dagger/asterisk pairs are sent as two codes.
 */
public record Icd10Code(@JsonValue String value) {

    public static final String PATTERN = "^[A-Z][0-9]{2}(\\.([0-9]{1,2}|([0-9]{3}|x[0-9]{2})(x[0-9]{3})?))?$";
    private static final Pattern FORM = Pattern.compile(PATTERN);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Icd10Code {
        if (value == null) {
            throw ContractViolation.missing("ICD-10 code");
        }
        if (!FORM.matcher(value).matches()) {
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
}
