package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.PatientPseudonym;

/**
 * Turns the text ids the contract validated into fixed-width binary keys for {@link LongKeyIndex}:
 * an event id (canonical lower-case UUID) is 128 bits, a patient pseudonym (64 hex digits) 256.
 * Both are exact: no truncation, so distinct ids never collide.
 */
final class BinaryKeys {

    static final int EVENT_ID_LONGS = 2;
    static final int PSEUDONYM_LONGS = 4;

    private BinaryKeys() {
    }

    /** Writes the id's 128 bits into {@code key} (two longs) and returns it. */
    static long[] of(EventId id, long[] key) {
        String text = id.value();
        // 8-4-4-4-12: hyphens at 8, 13, 18 and 23 separate 32 hex digits, 16 per long.
        key[0] = hex(text, 0, 8) << 32 | hex(text, 9, 13) << 16 | hex(text, 14, 18);
        key[1] = hex(text, 19, 23) << 48 | hex(text, 24, 36);
        return key;
    }

    /** Writes the pseudonym's 256 bits into {@code key} (four longs) and returns it. */
    static long[] of(PatientPseudonym patient, long[] key) {
        String text = patient.value();
        for (int i = 0; i < PSEUDONYM_LONGS; i++) {
            key[i] = hex(text, i * 16, i * 16 + 16);
        }
        return key;
    }

    private static long hex(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value << 4 | Character.digit(text.charAt(i), 16);
        }
        return value;
    }
}
