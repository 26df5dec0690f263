package cn.hunan.mma.simulator.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Writes an event file (see {@link EventFiles}). Not thread-safe. */
public final class EventFileWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final Path file;
    private long lines;

    public EventFileWriter(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Fastest deflate level: the file is written once and read a few times; speed matters more.
            this.out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), BUFFER) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }, BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create event file " + file, e);
        }
    }

    public void write(EventLine line) {
        write(line.topic(), line.key(), line.value());
    }

    public void write(String topic, String key, byte[] value) {
        try {
            out.write(topic.getBytes(StandardCharsets.UTF_8));
            out.write(EventFiles.SEPARATOR);
            out.write(key.getBytes(StandardCharsets.UTF_8));
            out.write(EventFiles.SEPARATOR);
            out.write(value);
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event file " + file, e);
        }
    }

    public long lines() {
        return lines;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close event file " + file, e);
        }
    }
}
