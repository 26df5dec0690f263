package cn.hunan.mma.events.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text holds what looks like a mainland resident identity number, so that it can be refused where a pseudonym
 * belongs and masked before a refused record is kept. Two generations are met in records:
 * <ul>
 *     <li>18 characters (GB 11643-1999): 17 digits, then a digit or X. Recognised by shape alone, as before;</li>
 *     <li>15 digits (first generation, still on older records): 6-digit area code, birth date YYMMDD of 19YY, 3-digit
 *     sequence, no check digit. Fifteen digits are common enough in other data that shape alone is not enough: the run
 *     must not be part of a longer digit run, its area code must start with 1–8 (the province codes: 11 Beijing … 82
 *     Macao) and its birth date must be a real day.</li>
 * </ul>
 * Two scopes: {@link Scope#STANDING_ALONE} (not inside a longer run of letters and digits, nor a decimal fraction), for
 * any text; {@link Scope#ANYWHERE}, for text already known to be wrong where a pseudonym belongs.
 */
public final class NationalIdShapes {

    /** Where to look for a number. */
    public enum Scope { STANDING_ALONE, ANYWHERE }

    public static final int LENGTH = 18;
    public static final int FIRST_GENERATION_LENGTH = 15;

    private static final Pattern LENGTH_18_ANYWHERE = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern LENGTH_18_ALONE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    // A 15-digit run is never part of a longer digit run; standing alone, not part of a word nor of a decimal number.
    private static final Pattern LENGTH_15_ANYWHERE = Pattern.compile("(?<!\\d)\\d{15}(?!\\d)");
    private static final Pattern LENGTH_15_ALONE = Pattern.compile("(?<![0-9A-Za-z])(?<!\\d\\.)\\d{15}(?![0-9A-Za-z])(?!\\.\\d)");

    private NationalIdShapes() {
    }

    /** Whether the text holds a number of either generation in the scope. */
    public static boolean containsNumber(CharSequence text, Scope scope) {
        return !positions(text, scope).isEmpty();
    }

    /** The positions of the characters of every number of either generation in the text; empty when none. */
    public static BitSet positions(CharSequence text, Scope scope) {
        BitSet found = new BitSet();
        boolean anywhere = scope == Scope.ANYWHERE;
        Matcher eighteen = (anywhere ? LENGTH_18_ANYWHERE : LENGTH_18_ALONE).matcher(text);
        while (eighteen.find()) {
            found.set(eighteen.start(), eighteen.end());
        }
        Matcher fifteen = (anywhere ? LENGTH_15_ANYWHERE : LENGTH_15_ALONE).matcher(text);
        while (fifteen.find()) {
            if (isFirstGeneration(text, fifteen.start())) {
                found.set(fifteen.start(), fifteen.end());
            }
        }
        return found;
    }

    /**
     * Whether the 15 characters from {@code start} are digits with a plausible area code (first digit 1–8) and a real
     * birth date YYMMDD in 1900–1999 (so 000229 is not: 1900 was no leap year).
     */
    public static boolean isFirstGeneration(CharSequence text, int start) {
        if (start < 0 || text.length() - start < FIRST_GENERATION_LENGTH) {
            return false;
        }
        for (int i = start; i < start + FIRST_GENERATION_LENGTH; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char province = text.charAt(start);
        if (province < '1' || province > '8') {
            return false;
        }
        return isDay(1900 + twoDigits(text, start + 6), twoDigits(text, start + 8), twoDigits(text, start + 10));
    }

    private static int twoDigits(CharSequence text, int at) {
        return (text.charAt(at) - '0') * 10 + (text.charAt(at + 1) - '0');
    }

    private static boolean isDay(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException notADay) {
            return false;
        }
    }
}
