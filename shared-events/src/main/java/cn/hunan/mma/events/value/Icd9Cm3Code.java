package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A procedure in ICD-9-CM-3: the plain forms (47, 47.0, 47.09) and the Chinese insurance
 * edition 2.0 forms, four characters after the point ({@code 47.0901}, {@code 01.6x00}) with an
 * optional local extension ({@code 00.6600x004}), plus its five-character and TCM forms
 * ({@code 17.91100}, {@code 17.912A0}), and the edition's two irregular {@code 86.700x0013}-style codes.
 */
public record Icd9Cm3Code(@JsonValue String value) {

    public static final String PATTERN =
            "^[0-9]{2}(\\.([0-9]{1,2}|[0-9]{5}|[0-9]{3}[A-Z][0-9]|[0-9]{3}x[0-9]{4}|([0-9]{4}|[0-9]x[0-9]{2})(x[0-9]{3,4})?))?$";
    private static final Pattern FORM = Pattern.compile(PATTERN);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Icd9Cm3Code {
        if (value == null) {
            throw ContractViolation.missing("ICD-9-CM-3 code");
        }
        if (!FORM.matcher(value).matches()) {
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
}
