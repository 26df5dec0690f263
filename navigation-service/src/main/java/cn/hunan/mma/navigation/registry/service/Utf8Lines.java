package cn.hunan.mma.navigation.registry.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A matrix file's lines, each decoded from UTF-8 on its own and strictly: a line saved in another
 * encoding (a spreadsheet exported as GBK or Latin-1) is one undecodable line the readers report,
 * where a reader decoding the whole file failed the import at the first such byte. Lines end as
 * {@link java.io.BufferedReader#readLine()} ends them ({@code \n}, {@code \r\n} or {@code \r}: none
 * of these bytes occurs inside a multi-byte UTF-8 character), so line numbers stay what they were.
 * A byte-order mark at the start of the file, which Excel writes, is skipped.
 */
final class Utf8Lines {

    /** Reason code in the import report for a line that is not UTF-8. */
    static final String MALFORMED_ENCODING = "MALFORMED_ENCODING";

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One line of the file, with its 1-based number. */
    sealed interface Line permits Text, Undecodable {
        int number();
    }

    record Text(int number, String text) implements Line {
    }

    /**
     * @param detail     where the line stops being UTF-8, never the bytes themselves
     * @param validStart the text before the first byte that is not UTF-8: enough to tell a comment line
     */
    record Undecodable(int number, String detail, String validStart) implements Line {
    }

    // The whole file at once: the readers keep every decoded row anyway, and a 湖南 file is a few MB.
    private final byte[] bytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int number;

    private Utf8Lines(byte[] bytes) {
        this.bytes = bytes;
        this.position = startsWithByteOrderMark(bytes) ? BYTE_ORDER_MARK.length : 0;
    }

    static Utf8Lines of(Path file) throws IOException {
        return new Utf8Lines(Files.readAllBytes(file));
    }

    /** The next line, or {@code null} after the last one. */
    Line next() {
        if (position >= bytes.length) {
            return null;
        }
        int start = position;
        int end = start;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        position = end + 1;
        if (end < bytes.length && bytes[end] == '\r' && position < bytes.length && bytes[position] == '\n') {
            position++;
        }
        number++;
        return decode(start, end - start);
    }

    private Line decode(int start, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length);
        // A UTF-8 byte never decodes to more than one char (four bytes make a surrogate pair): no overflow.
        CharBuffer out = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position() - start;
            return new Undecodable(number, "the line is not UTF-8 from byte " + (offset + 1)
                    + " on; save the file as UTF-8", out.flip().toString());
        }
        decoder.flush(out);
        return new Text(number, out.flip().toString());
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= BYTE_ORDER_MARK.length && bytes[0] == BYTE_ORDER_MARK[0]
                && bytes[1] == BYTE_ORDER_MARK[1] && bytes[2] == BYTE_ORDER_MARK[2];
    }
}
