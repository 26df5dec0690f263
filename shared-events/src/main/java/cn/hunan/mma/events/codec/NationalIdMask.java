package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.value.NationalIdShapes;
import cn.hunan.mma.events.value.NationalIdShapes.Scope;
import cn.hunan.mma.events.value.Reason;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Masks what looks like a resident identity card number ({@link NationalIdShapes}: 18 characters, 17 digits then a digit
 * or X; or a first-generation 15-digit number with a plausible area code and birth date) in the bytes of a record the
 * contract refused, before they are kept on a dead-letter topic. A producer that sends the number where the
 * keyed pseudonym belongs is refused for exactly that, and the refusal must not keep the number in clear for operators.
 * Every consumer that dead-letters a refused record's bytes passes them through {@link #forDeadLetter}: the SmallRye
 * consumers (platform-common's {@code ContractRecordRejections}) and the scorer's stream.
 *
 * <p>A run of the pattern standing alone (not inside a longer run of letters and digits) is masked in any record. Inside
 * such a run only when the record was refused for holding a number in its pseudonym: a genuine 64-hex pseudonym holds
 * 18 consecutive decimal digits by chance about once in a hundred, and an operator replaying a record refused for another
 * reason needs it intact. A 15-digit number is never taken from inside a longer digit run, nor standing alone from a
 * decimal fraction.
 */
public final class NationalIdMask {

    /** What a dead-letter topic keeps of a record whose number could not be found to mask (JSON escapes, say). */
    static final byte[] WITHHELD = ("{\"withheld\":\"the record held an identity card number in a form that could not be "
            + "masked; ask its producer for it\"}").getBytes(StandardCharsets.UTF_8);

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
        // ISO-8859-1 maps each byte to one char, so a position in the text is the byte's index; a multi-byte UTF-8
        // character becomes chars that are neither digits nor ASCII letters, as it was.
        String text = new String(data, StandardCharsets.ISO_8859_1);
        BitSet numbers = NationalIdShapes.positions(text, anywhere ? Scope.ANYWHERE : Scope.STANDING_ALONE);
        if (numbers.isEmpty()) {
            return data;
        }
        byte[] masked = data.clone();
        numbers.stream().forEach(at -> masked[at] = '*');
        return masked;
    }
}
