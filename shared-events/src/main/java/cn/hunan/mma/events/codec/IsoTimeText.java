package cn.hunan.mma.events.codec;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fast paths for the one spelling of instants and dates that producers actually send
 * ({@code 2025-03-14T02:30:00Z}, {@code 2025-03-14T10:30:00.125+08:00}, {@code 2025-03-14}),
 * read straight from the parser's character buffer. {@code DateTimeFormatter} costs about a
 * quarter of a decode and allocates a map per call; these do neither.
 * <p>
 * They only ever <em>accept</em>: anything they do not recognise, or recognise but find out of
 * range (Feb 29 of a common year, hour 24, offset beyond ±18:00), returns {@code null}, and the
 * caller asks the formatter, which decides acceptance and the error exactly as before. So what
 * these accept must be a subset of what {@code ISO_OFFSET_DATE_TIME} / {@code ISO_LOCAL_DATE}
 * accept, with the same value (IsoTimeTextTest checks both against the formatters).
 * <p>
 * Public for the outbox relay (platform-common), which reads the {@code Instant.toString()} text of
 * every event in a batch row: the same fast path, the same "null means ask the formatter" rule.
 */
public final class IsoTimeText {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int DAYS_0000_TO_1970 = 719_528;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final long FIRST_DAY_OF_0000 = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY_OF_9999 = LocalDate.of(9999, 12, 31).toEpochDay();

    private IsoTimeText() {
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with upper-case T and Z, as an instant;
     * {@code null} for any other text (the formatter then decides).
     */
    public static Instant instantOrNull(char[] text, int start, int length) {
        // shortest: 2025-03-14T02:30:00Z (20); longest: 9 fraction digits and an offset (35)
        if (length < 20 || length > 35) {
            return null;
        }
        long epochDay = epochDayOrMinus(text, start);
        int end = start + length;
        int at = start + 10;
        if (epochDay == Long.MIN_VALUE || text[at] != 'T' || text[at + 3] != ':' || text[at + 6] != ':') {
            return null;
        }
        int hour = twoDigits(text, at + 1);
        int minute = twoDigits(text, at + 4);
        int second = twoDigits(text, at + 7);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        at += 9;
        int nanos = 0;
        if (text[at] == '.') {
            int digits = 0;
            at++;
            while (at < end && isDigit(text[at])) {
                if (++digits > 9) {
                    return null;
                }
                nanos = nanos * 10 + (text[at] - '0');
                at++;
            }
            if (digits == 0) {
                return null;
            }
            nanos *= NANO_SCALE[digits];
        }
        int offsetSeconds = offsetSecondsOrMinus(text, at, end);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /**
     * Exactly {@code instant.toString()} ({@code ISO_INSTANT}: UTC, seconds always, the fraction in groups of three
     * digits and none when zero), without the formatter, for years 0000–9999; any other year is left to
     * {@code Instant.toString()}. The contract codec, the writers of every {@code CaseSettled} and of every batched outbox event format
     * one instant per event; {@code DateTimeFormatter} was about a fifth of their cost.
     */
    public static String text(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        if (epochDay < FIRST_DAY_OF_0000 || epochDay > LAST_DAY_OF_9999) {
            return instant.toString();
        }
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (fractionDigits == 0 ? 0 : 1 + fractionDigits)];
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int at = 19;
        if (fractionDigits > 0) {
            text[at++] = '.';
            digits(text, at, nanos / NANO_SCALE[fractionDigits], fractionDigits);
            at += fractionDigits;
        }
        text[at] = 'Z';
        return new String(text);
    }

    /** {@code value} as exactly {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@code yyyy-MM-dd} as a date; {@code null} for any other text (the formatter then decides). */
    static LocalDate dateOrNull(char[] text, int start, int length) {
        if (length != 10 || epochDayOrMinus(text, start) == Long.MIN_VALUE) {
            return null;
        }
        return LocalDate.of(fourDigits(text, start), twoDigits(text, start + 5), twoDigits(text, start + 8));
    }

    /** The day of {@code yyyy-MM-dd} at start (a real calendar day), or Long.MIN_VALUE. */
    private static long epochDayOrMinus(char[] text, int start) {
        int year = fourDigits(text, start);
        if (year < 0 || text[start + 4] != '-' || text[start + 7] != '-') {
            return Long.MIN_VALUE;
        }
        int month = twoDigits(text, start + 5);
        int day = twoDigits(text, start + 8);
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        return epochDay(year, month, day);
    }

    /** 'Z' or ±HH:MM filling the rest of the text, within ±18:00; else Integer.MIN_VALUE. */
    private static int offsetSecondsOrMinus(char[] text, int at, int end) {
        if (end - at == 1 && text[at] == 'Z') {
            return 0;
        }
        if (end - at != 6 || (text[at] != '+' && text[at] != '-') || text[at + 3] != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = twoDigits(text, at + 1);
        int minutes = twoDigits(text, at + 4);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return text[at] == '-' ? -seconds : seconds;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the algorithm of LocalDate.toEpochDay). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400; // leap days before this year (year >= 0)
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int fourDigits(char[] text, int at) {
        int high = twoDigits(text, at);
        int low = twoDigits(text, at + 2);
        return high < 0 || low < 0 ? -1 : high * 100 + low;
    }

    private static int twoDigits(char[] text, int at) {
        char tens = text[at];
        char ones = text[at + 1];
        return isDigit(tens) && isDigit(ones) ? (tens - '0') * 10 + (ones - '0') : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
