package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.Candidate;
import cn.hunan.mma.navigation.ranking.RankingWriter;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.impl.VertxByteBufAllocator;

import java.util.Arrays;
import java.util.List;

/**
 * Writes a ranking as the JSON array the API documents ({@link CandidateView}'s fields, in its
 * order), straight into UTF-8 bytes. Hand-written because it is the hot path of the busiest
 * endpoint: reflective serialisation of the candidates was an eighth of the service's CPU at
 * 2,000 requests/s, and the shape is small and fixed. The recommender writes into it directly
 * ({@link RankingWriter}), reasons part by part, so no candidate or reason string is built on the
 * way. Each thread (an event loop) reuses one writer and its growing buffer, so an answer costs
 * no heap allocation of its own: it is copied once, into a pooled direct buffer.
 */
final class RankingJson implements RankingWriter {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final ThreadLocal<RankingJson> SCRATCH = ThreadLocal.withInitial(RankingJson::new);

    private final Utf8 json = new Utf8();
    private int candidates;
    private int reasons;
    private int openSlots;

    private RankingJson() {
    }

    /** This thread's writer, started on an empty ranking; {@link #finishPooled()} gives the bytes. */
    static RankingJson start() {
        RankingJson writer = SCRATCH.get();
        writer.json.reset().ascii('[');
        writer.candidates = 0;
        return writer;
    }

    /**
     * The ranking written so far, closed, in a pooled direct buffer that the caller must release once.
     * This is how the route answers: the socket takes direct memory, so a heap array would be
     * allocated only to be copied again (the copy out of this writer's scratch was a fifth of what an
     * answer allocated). The pool is Vert.x's own, the one its connections read and write with, so
     * the answers add no arenas (and no resident memory) of their own.
     */
    ByteBuf finishPooled() {
        json.ascii(']');
        return json.copyTo(VertxByteBufAllocator.POOLED_ALLOCATOR.directBuffer(json.size, json.size));
    }

    /** A ranking already built as values, as an array of its own. */
    static byte[] of(List<Candidate> candidates) {
        RankingJson writer = start();
        for (Candidate candidate : candidates) {
            writer.startCandidate(candidate.institutionId(), candidate.institutionName(), candidate.level(),
                    candidate.departmentId(), candidate.departmentName(), candidate.tag(), candidate.score(),
                    candidate.openSlots().isPresent() ? candidate.openSlots().getAsInt() : -1);
            for (String reason : candidate.reasons()) {
                writer.reason().text(reason).endReason();
            }
            writer.endCandidate();
        }
        return RecommendationAnswers.Answer.ranking(writer.finishPooled()).takeBytes();
    }

    @Override
    public void startCandidate(InstitutionId institutionId, String institutionName, Level level,
                               DepartmentId departmentId, String departmentName, SpecialtyTag tag, double score,
                               int openSlots) {
        if (candidates++ > 0) {
            json.ascii(',');
        }
        json.ascii("{\"institutionId\":").string(institutionId.value());
        json.ascii(",\"institutionName\":").string(institutionName);
        json.ascii(",\"level\":").string(level == null ? null : level.name());
        json.ascii(",\"departmentId\":").string(departmentId.value());
        json.ascii(",\"departmentName\":").string(departmentName);
        json.ascii(",\"tag\":").string(tag == null ? null : tag.name());
        // Double.toString is what Jackson writes too (e.g. 318.4, 12.0); a score is always finite.
        json.ascii(",\"score\":").ascii(Double.isFinite(score) ? Double.toString(score) : "null");
        json.ascii(",\"reasons\":[");
        reasons = 0;
        this.openSlots = openSlots;
    }

    @Override
    public RankingWriter reason() {
        if (reasons++ > 0) {
            json.ascii(',');
        }
        json.ascii('"');
        return this;
    }

    @Override
    public RankingWriter text(String part) {
        json.escaped(part);
        return this;
    }

    @Override
    public RankingWriter number(long part) {
        json.digits(part);
        return this;
    }

    @Override
    public void endReason() {
        json.ascii('"');
    }

    @Override
    public void endCandidate() {
        json.ascii("],\"openSlots\":");
        if (openSlots < 0) {
            json.ascii("null");
        } else {
            json.digits(openSlots);
        }
        json.ascii('}');
    }

    /** A growing UTF-8 byte buffer with JSON string escaping. */
    private static final class Utf8 {

        private byte[] bytes = new byte[8 * 1024];
        private int size;

        Utf8 reset() {
            size = 0;
            return this;
        }

        ByteBuf copyTo(ByteBuf buffer) {
            return buffer.writeBytes(bytes, 0, size);
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

        /** A JSON string in quotes, or {@code null}. */
        Utf8 string(String text) {
            if (text == null) {
                return ascii("null");
            }
            return ascii('"').escaped(text).ascii('"');
        }

        /**
         * The inside of a JSON string: quotes, backslashes and control characters escaped,
         * everything else as UTF-8 (as Jackson writes it); an unpaired surrogate becomes {@code ?},
         * as in {@link String#getBytes}.
         */
        Utf8 escaped(String text) {
            room(text.length() * 6); // the longest a char can become: a six-byte escape
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
            return this;
        }

        /** A whole number in decimal digits, as {@link Long#toString(long)} writes it, without building the string. */
        Utf8 digits(long value) {
            if (value == Long.MIN_VALUE) {
                return ascii(Long.toString(value));
            }
            room(20);
            if (value < 0) {
                bytes[size++] = '-';
                value = -value;
            }
            int end = size + digitCount(value);
            for (int at = end - 1; at >= size; at--) {
                bytes[at] = (byte) ('0' + value % 10);
                value /= 10;
            }
            size = end;
            return this;
        }

        private static int digitCount(long value) {
            int count = 1;
            while (value >= 10) {
                value /= 10;
                count++;
            }
            return count;
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
