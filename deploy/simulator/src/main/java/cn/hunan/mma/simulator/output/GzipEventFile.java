package cn.hunan.mma.simulator.output;

import cn.hunan.mma.simulator.events.EventSink;
import cn.hunan.mma.simulator.io.EventFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes generated lines as an event file ({@link EventFiles}): each slice is compressed on the
 * worker that produced it into a complete gzip member, and the members are appended in order.
 * A gzip file may hold any number of members (RFC 1952 §2.2); {@code gzip -d}, {@code zcat} and
 * {@code GZIPInputStream} read them as one stream. Compressing in parallel is what lets file
 * output keep up with generation: deflate costs more than generating the events.
 */
public final class GzipEventFile implements EventSink {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 4, (byte) 0xff};
    private static final ThreadLocal<Deflater> DEFLATERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private final Path file;
    private final OutputStream out;
    private long bytes;

    public GzipEventFile(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create event file " + file, e);
        }
    }

    /** One gzip member holding the lines. */
    @Override
    public byte[] encode(byte[] lines) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(lines);
        deflater.finish();
        byte[] member = new byte[lines.length / 3 + 64];
        System.arraycopy(HEADER, 0, member, 0, HEADER.length);
        int size = HEADER.length;
        while (!deflater.finished()) {
            if (size == member.length) {
                member = Arrays.copyOf(member, member.length * 2);
            }
            size += deflater.deflate(member, size, member.length - size);
        }
        CRC32 crc = new CRC32();
        crc.update(lines);
        if (size + 8 > member.length) {
            member = Arrays.copyOf(member, size + 8);
        }
        size = littleEndian(member, size, (int) crc.getValue());
        size = littleEndian(member, size, lines.length);
        return size == member.length ? member : Arrays.copyOf(member, size);
    }

    @Override
    public void write(byte[] encoded) {
        try {
            out.write(encoded);
            bytes += encoded.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event file " + file, e);
        }
    }

    /** Compressed bytes written so far. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close event file " + file, e);
        }
    }

    private static int littleEndian(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >>> 8);
        into[at + 2] = (byte) (value >>> 16);
        into[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }
}
