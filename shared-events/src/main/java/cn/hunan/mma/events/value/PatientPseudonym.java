package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A patient as the platform knows them: the lowercase hex HMAC-SHA256 of the national ID number
 * under the province's key (see {@code PatientPseudonymizer}). Never the number itself.
 */
public record PatientPseudonym(@JsonValue String value) {

    public static final int LENGTH = 64;
    public static final String PATTERN = "^[0-9a-f]{64}$";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PatientPseudonym {
        if (value == null) {
            throw ContractViolation.missing("patient pseudonym");
        }
        if (!isLowercaseHex(value)) {
            // Only a malformed value is searched for an ID number (either generation, see NationalIdShapes): about 1%
            // of genuine 64-hex digests contain 18 consecutive decimal digits by chance and must not be refused.
            if (NationalIdShapes.containsNumber(value, NationalIdShapes.Scope.ANYWHERE)) {
                throw new ContractViolation(Reason.NATIONAL_ID_IN_PSEUDONYM, null,
                        "patient pseudonym holds what looks like a national ID number; send the keyed pseudonym instead");
            }
            throw new ContractViolation(Reason.MALFORMED_ID, null,
                    "patient pseudonym must be 64 lowercase hex characters (HMAC-SHA256)");
        }
    }

    public static PatientPseudonym of(String value) {
        return new PatientPseudonym(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isLowercaseHex(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
