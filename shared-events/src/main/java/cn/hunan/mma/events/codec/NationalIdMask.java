package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.value.Reason;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a resident identity card number (18 characters: 17 digits, then a digit or X) in the bytes of a
 * record the contract refused, before they are kept on a dead-letter topic. A producer that sends the number where the
 * keyed pseudonym belongs is refused for exactly that, and the refusal must not keep the number in clear for operators.
 * Every consumer that dead-letters a refused record's bytes passes them through {@link #forDeadLetter}: the SmallRye
 * consumers (platform-common's {@code ContractRecordRejections}) and the scorer's stream.
 *
 * <p>A run of the pattern standing alone (not inside a longer run of letters and digits) is masked in any record. Inside
 * such a run only when the record was refused for holding a number in its pseudonym: a genuine 64-hex pseudonym holds
 * 18 consecutive decimal digits by chance about once in a hundred, and an operator replaying a record refused for another
 * reason needs it intact. The older 15-digit numbers are not recognised (the contract's own check knows 18 only).
 */
public final class NationalIdMask {

    /** What a dead-letter topic keeps of a record whose number could not be found to mask (JSON escapes, say). */
    static final byte[] WITHHELD = ("{\"withheld\":\"the record held an identity card number in a form that could not be "
            + "masked; ask its producer for it\"}").getBytes(StandardCharsets.UTF_8);

    private static final Pattern STANDING_ALONE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern ANYWHERE = Pattern.compile("\\d{17}[\\dXx]");

    private NationalIdMask() {
    }

    /**
     * A refused record's bytes as a dead-letter topic may keep them: masked; and, when the contract refused it for a
     * number in its pseudonym that the mask did not find (written with JSON escapes, say), withheld altogether.
     *
     * @param reason why the contract refused the record; null for a failure that is not a contract rejection
     */
    public static byte[] forDeadLetter(byte[] data, Reason reason) {
        boolean numberInPseudonym = reason == Reason.NATIONAL_ID_IN_PSEUDONYM;
        byte[] masked = masked(data, numberInPseudonym);
        return numberInPseudonym && masked == data ? WITHHELD.clone() : masked;
    }

    /** The bytes with each number's characters replaced by '*', same length; the array itself when nothing matched. */
    public static byte[] masked(byte[] data, boolean anywhere) {
        if (data == null) {
            return null;
        }
        // ISO-8859-1 maps each byte to one char and back, so a UTF-8 text keeps every other byte as it was.
        String text = new String(data, StandardCharsets.ISO_8859_1);
        Matcher numbers = (anywhere ? ANYWHERE : STANDING_ALONE).matcher(text);
        if (!numbers.find()) {
            return data;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            numbers.appendReplacement(masked, "*".repeat(numbers.end() - numbers.start()));
        } while (numbers.find());
        numbers.appendTail(masked);
        return masked.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
