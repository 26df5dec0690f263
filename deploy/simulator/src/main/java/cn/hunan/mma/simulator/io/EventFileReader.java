package cn.hunan.mma.simulator.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads an event file line by line without decoding the values (see {@link EventFiles}).
 * Not thread-safe.
 */
public final class EventFileReader implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final Path file;
    // Lines are cut out of large decompressed blocks: reading byte by byte cost more than decoding.
    private final byte[] block = new byte[BUFFER];
    private int position;
    private int limit;
    private byte[] line = new byte[4096];
    private long lineNumber;

    public EventFileReader(Path file) {
        this.file = file;
        try {
            this.in = new GZIPInputStream(Files.newInputStream(file), BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open event file " + file, e);
        }
    }

    /** The next record, or null at the end of the file. */
    public EventLine next() {
        int length = readLine();
        if (length < 0) {
            return null;
        }
        lineNumber++;
        int firstTab = indexOf(EventFiles.SEPARATOR, 0, length);
        int secondTab = firstTab < 0 ? -1 : indexOf(EventFiles.SEPARATOR, firstTab + 1, length);
        if (secondTab < 0) {
            throw new IllegalStateException(file + " line " + lineNumber + " is not topic<TAB>key<TAB>value");
        }
        return new EventLine(
                new String(line, 0, firstTab, StandardCharsets.UTF_8),
                new String(line, firstTab + 1, secondTab - firstTab - 1, StandardCharsets.UTF_8),
                Arrays.copyOfRange(line, secondTab + 1, length));
    }

    public long lineNumber() {
        return lineNumber;
    }

    /** Copies the next line (without its newline) into {@code line}; its length, or -1 at the end. */
    private int readLine() {
        int length = 0;
        boolean readAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                return readAnything ? length : -1;
            }
            readAnything = true;
            int end = position;
            while (end < limit && block[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(block, position, line, length, chunk);
            length += chunk;
            position = end;
            if (end < limit) {
                position++; // past the newline
                return length;
            }
        }
    }

    private boolean fill() {
        try {
            int read = in.read(block);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event file " + file + " after line " + lineNumber, e);
        }
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close event file " + file, e);
        }
    }
}
