package cn.hunan.mma.simulator.io;

import java.io.BufferedInputStream;
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
    private byte[] line = new byte[4096];
    private long lineNumber;

    public EventFileReader(Path file) {
        this.file = file;
        try {
            this.in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), BUFFER), BUFFER);
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

    private int readLine() {
        try {
            int length = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return length;
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = (byte) b;
            }
            return length == 0 ? -1 : length;
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
