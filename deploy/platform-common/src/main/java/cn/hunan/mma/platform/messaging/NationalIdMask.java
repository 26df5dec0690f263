package cn.hunan.mma.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a resident identity card number (18 characters: 17 digits, then a digit or X) in the bytes of a
 * record the contract refused, before they are kept on a dead-letter topic. A producer that sends the number where the
 * keyed pseudonym belongs is refused for exactly that, and the refusal must not keep the number in clear for operators.
 *
 * <p>A run of the pattern standing alone (not inside a longer run of letters and digits) is masked in any record. Inside
 * such a run only when the record was refused for holding a number in its pseudonym: a genuine 64-hex pseudonym holds
 * 18 consecutive decimal digits by chance about once in a hundred, and an operator replaying a record refused for another
 * reason needs it intact.
 */
final class NationalIdMask {

    private static final Pattern STANDING_ALONE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern ANYWHERE = Pattern.compile("\\d{17}[\\dXx]");

    private NationalIdMask() {
    }

    /** The bytes with each number's characters replaced by '*', same length; the array itself when nothing matched. */
    static byte[] masked(byte[] data, boolean anywhere) {
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
