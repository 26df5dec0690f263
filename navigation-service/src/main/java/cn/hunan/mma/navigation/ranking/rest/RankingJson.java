package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.navigation.ranking.Candidate;

import java.util.Arrays;
import java.util.List;

/**
 * Writes a ranking as the JSON array the API documents ({@link CandidateView}'s fields, in its
 * order), straight into UTF-8 bytes. Hand-written because it is the hot path of the busiest
 * endpoint: reflective serialisation of the candidates was an eighth of the service's CPU at
 * 2,000 requests/s, and the shape is small and fixed. Each thread (an event loop) reuses one
 * growing scratch buffer, so an answer costs one allocation of its own size.
 */
final class RankingJson {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final ThreadLocal<Utf8> SCRATCH = ThreadLocal.withInitial(Utf8::new);

    private RankingJson() {
    }

    static byte[] of(List<Candidate> candidates) {
        Utf8 json = SCRATCH.get().reset();
        json.ascii('[');
        for (int i = 0; i < candidates.size(); i++) {
            if (i > 0) {
                json.ascii(',');
            }
            candidate(json, candidates.get(i));
        }
        return json.ascii(']').toByteArray();
    }

    private static void candidate(Utf8 json, Candidate candidate) {
        json.ascii("{\"institutionId\":").string(candidate.institutionId().value());
        json.ascii(",\"institutionName\":").string(candidate.institutionName());
        json.ascii(",\"level\":").string(candidate.level() == null ? null : candidate.level().name());
        json.ascii(",\"departmentId\":").string(candidate.departmentId().value());
        json.ascii(",\"departmentName\":").string(candidate.departmentName());
        json.ascii(",\"tag\":").string(candidate.tag() == null ? null : candidate.tag().name());
        double score = candidate.score();
        // Double.toString is what Jackson writes too (e.g. 318.4, 12.0); a score is always finite.
        json.ascii(",\"score\":").ascii(Double.isFinite(score) ? Double.toString(score) : "null");
        json.ascii(",\"reasons\":[");
        List<String> reasons = candidate.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                json.ascii(',');
            }
            json.string(reasons.get(i));
        }
        json.ascii("],\"openSlots\":")
                .ascii(candidate.openSlots().isPresent() ? Integer.toString(candidate.openSlots().getAsInt()) : "null")
                .ascii('}');
    }

    /** A growing UTF-8 byte buffer with JSON string escaping. */
    private static final class Utf8 {

        private byte[] bytes = new byte[8 * 1024];
        private int size;

        Utf8 reset() {
            size = 0;
            return this;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        Utf8 ascii(char c) {
            room(1);
            bytes[size++] = (byte) c;
            return this;
        }

        /** Text known to be ASCII without anything to escape: names of fields, numbers. */
        Utf8 ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
            return this;
        }

        /**
         * A JSON string: quotes, backslashes and control characters escaped, everything else as
         * UTF-8 (as Jackson writes it); an unpaired surrogate becomes {@code ?}, as in
         * {@link String#getBytes}.
         */
        Utf8 string(String text) {
            if (text == null) {
                return ascii("null");
            }
            room(text.length() * 6 + 2); // the longest a char can become: a six-byte escape
            bytes[size++] = '"';
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    escaped(c);
                } else if (c < 0x800) {
                    bytes[size++] = (byte) (0xC0 | c >> 6);
                    bytes[size++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    bytes[size++] = (byte) (0xF0 | codePoint >> 18);
                    bytes[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    bytes[size++] = (byte) (0x80 | codePoint & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    bytes[size++] = '?';
                } else {
                    bytes[size++] = (byte) (0xE0 | c >> 12);
                    bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[size++] = (byte) (0x80 | c & 0x3F);
                }
            }
            bytes[size++] = '"';
            return this;
        }

        private void escaped(char c) {
            switch (c) {
                case '"' -> pair('"');
                case '\\' -> pair('\\');
                case '\n' -> pair('n');
                case '\r' -> pair('r');
                case '\t' -> pair('t');
                default -> {
                    if (c < 0x20) {
                        bytes[size++] = '\\';
                        bytes[size++] = 'u';
                        bytes[size++] = '0';
                        bytes[size++] = '0';
                        bytes[size++] = HEX[c >> 4];
                        bytes[size++] = HEX[c & 0xF];
                    } else {
                        bytes[size++] = (byte) c;
                    }
                }
            }
        }

        private void pair(char escape) {
            bytes[size++] = '\\';
            bytes[size++] = (byte) escape;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
