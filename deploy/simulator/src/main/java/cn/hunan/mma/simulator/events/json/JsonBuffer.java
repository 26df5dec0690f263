package cn.hunan.mma.simulator.events.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the few JSON primitives the event writers need, written straight
 * as UTF-8 bytes: no intermediate strings, no per-event allocation once the buffer has grown.
 * The writers produce exactly what the contract codec writes for the same record (a test
 * re-encodes generated lines with the codec and compares bytes).
 */
public final class JsonBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Two hex digits per byte value: halves the work of writing pseudonyms and ids. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        for (int i = 0; i < 256; i++) {
            HEX_PAIRS[2 * i] = HEX[i >> 4];
            HEX_PAIRS[2 * i + 1] = HEX[i & 15];
        }
    }
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;
    /** The last UTC day written by {@link #instant}, and its "yyyy-MM-ddT" text. */
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDayText = new byte[11];

    public JsonBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    public static byte[] asciiBytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return bytes;
    }

    public void reset() {
        size = 0;
    }

    /** Drops everything after {@code length} bytes (used to undo a partly written value). */
    public void truncate(int length) {
        size = length;
    }

    public byte[] copy() {
        return Arrays.copyOf(bytes, size);
    }

    public byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    public JsonBuffer raw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
        return this;
    }

    public JsonBuffer raw(byte[] data, int from, int length) {
        ensure(length);
        System.arraycopy(data, from, bytes, size, length);
        size += length;
        return this;
    }

    public JsonBuffer raw(char asciiChar) {
        ensure(1);
        bytes[size++] = (byte) asciiChar;
        return this;
    }

    /** ASCII text known to need no escaping: ids, codes, enum names. */
    @SuppressWarnings("deprecation")
    public JsonBuffer ascii(String text) {
        int length = text.length();
        ensure(length);
        // The deprecated byte-copying getBytes is exactly right for ASCII and much faster than a char loop.
        text.getBytes(0, length, bytes, size);
        size += length;
        return this;
    }

    /** Free text as a JSON string body (without quotes), escaping what JSON requires. */
    public JsonBuffer escaped(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (b == '"' || b == '\\') {
                raw('\\').raw((char) b);
            } else if (b >= 0 && b < 0x20) {
                raw('\\').raw('u').raw('0').raw('0').raw((char) HEX[b >> 4]).raw((char) HEX[b & 15]);
            } else {
                ensure(1);
                bytes[size++] = b;
            }
        }
        return this;
    }

    public JsonBuffer bool(boolean value) {
        return raw(value ? TRUE : FALSE);
    }

    /** A non-negative integer in decimal. */
    public JsonBuffer number(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("only non-negative numbers are written");
        }
        ensure(20);
        if (value == 0) {
            bytes[size++] = '0';
            return this;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size = end;
        return this;
    }

    /** A number with exactly two decimals from hundredths, e.g. 42 → 0.42, as the codec writes scale-2 decimals. */
    public JsonBuffer decimal2(long hundredths) {
        number(hundredths / 100);
        raw('.');
        long cents = hundredths % 100;
        raw((char) ('0' + cents / 10));
        return raw((char) ('0' + cents % 10));
    }

    /** Money as the contract writes it: yuan with two decimals, e.g. 1234 fen → 12.34. */
    public JsonBuffer yuan(long fen) {
        return decimal2(fen);
    }

    /** Exactly {@code digits} decimal digits, zero-padded. */
    public JsonBuffer padded(long value, int digits) {
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    /** Sixteen lowercase hex digits. */
    public JsonBuffer hex16(long value) {
        ensure(16);
        for (int i = size + 14; i >= size; i -= 2) {
            int pair = (int) (value & 0xff) << 1;
            bytes[i] = HEX_PAIRS[pair];
            bytes[i + 1] = HEX_PAIRS[pair + 1];
            value >>>= 8;
        }
        size += 16;
        return this;
    }

    /** The low {@code digits} hex digits of a value, lowercase. */
    public JsonBuffer hex(long value, int digits) {
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = HEX[(int) (value & 15)];
            value >>>= 4;
        }
        size += digits;
        return this;
    }

    /** An instant in whole seconds as ISO-8601 UTC, e.g. 2025-03-11T01:20:00Z. */
    public JsonBuffer instant(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400);
        int second = (int) Math.floorMod(epochSecond, 86_400);
        if (day != cachedDay) {
            int mark = size;
            date(day).raw('T');
            System.arraycopy(bytes, mark, cachedDayText, 0, cachedDayText.length);
            cachedDay = day;
        } else {
            raw(cachedDayText);
        }
        padded(second / 3600, 2).raw(':').padded(second / 60 % 60, 2).raw(':').padded(second % 60, 2);
        return raw('Z');
    }

    /** A date as yyyy-MM-dd from days since 1970-01-01 (civil-from-days, proleptic Gregorian). */
    public JsonBuffer date(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthPrime = (5 * dayOfYear + 2) / 153;
        long dayOfMonth = dayOfYear - (153 * monthPrime + 2) / 5 + 1;
        long month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return padded(year, 4).raw('-').padded(month, 2).raw('-').padded(dayOfMonth, 2);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
