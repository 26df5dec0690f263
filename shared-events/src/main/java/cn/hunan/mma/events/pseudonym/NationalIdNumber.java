package cn.hunan.mma.events.pseudonym;

import cn.hunan.mma.events.value.NationalIdShapes;

/**
 * A mainland resident identity card number (GB 11643), checked and normalised (trimmed, 'x' →
 * 'X'). Exists only at the edge, long enough to be pseudonymised; {@link #toString()} never
 * shows it, so it cannot leak through logs or exception messages by accident.
 *
 * <p>A first-generation 15-digit number (area, YYMMDD of 19YY, sequence; no check digit) is accepted when its area code
 * and birth date are plausible ({@link NationalIdShapes#isFirstGeneration}) and normalised to the 18-character number
 * it was replaced by (area + "19" + YYMMDD + sequence + check character): a person keeps one pseudonym whichever card a
 * record was made from.
 */
public final class NationalIdNumber {

    private static final int LENGTH = NationalIdShapes.LENGTH;
    /** ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11, for the first 17 digits. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** The check character for each remainder 0..10. */
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String normalised;

    private NationalIdNumber(String normalised) {
        this.normalised = normalised;
    }

    /** Checks the form and the check digit; refuses with a message that does not repeat the input. */
    public static NationalIdNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidNationalIdException("national ID number is missing");
        }
        String text = raw.trim();
        if (text.length() == NationalIdShapes.FIRST_GENERATION_LENGTH) {
            return fromFirstGeneration(text);
        }
        if (text.length() != LENGTH) {
            throw new InvalidNationalIdException("national ID number must have 18 characters (or 15 digits for a first-generation card)");
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidNationalIdException("national ID number must start with 17 digits");
            }
        }
        String first17 = text.substring(0, LENGTH - 1);
        char check = Character.toUpperCase(text.charAt(LENGTH - 1));
        if (check != checkCharacter(first17)) {
            throw new InvalidNationalIdException("national ID number has a wrong check digit (ISO 7064 MOD 11-2)");
        }
        return new NationalIdNumber(first17 + check);
    }

    private static NationalIdNumber fromFirstGeneration(String text) {
        if (!NationalIdShapes.isFirstGeneration(text, 0)) {
            throw new InvalidNationalIdException("a 15-digit national ID number must be digits with an area code starting "
                    + "1-8 and a real birth date YYMMDD");
        }
        String first17 = text.substring(0, 6) + "19" + text.substring(6);
        return new NationalIdNumber(first17 + checkCharacter(first17));
    }

    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** The normalised number, for the keyed hash only. */
    String normalised() {
        return normalised;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NationalIdNumber id && id.normalised.equals(normalised);
    }

    @Override
    public int hashCode() {
        return normalised.hashCode();
    }

    @Override
    public String toString() {
        return "NationalIdNumber[redacted]";
    }
}
