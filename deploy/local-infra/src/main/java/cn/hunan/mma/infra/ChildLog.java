package cn.hunan.mma.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The output file of one run of a child process. The file is appended to across runs of a reused
 * work directory, so only what was written after this run began counts.
 */
final class ChildLog {

    private final Path file;
    private final long runStart;

    private ChildLog(Path file, long runStart) {
        this.file = file;
        this.runStart = runStart;
    }

    static ChildLog beginRun(Path file) {
        try {
            return new ChildLog(file, Files.exists(file) ? Files.size(file) : 0L);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    Path file() {
        return file;
    }

    Optional<String> lineStartingWith(String prefix) {
        return lines().stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    /** The last lines of this run, for error messages. */
    String tail(int maxLines) {
        List<String> lines = lines();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    }

    private List<String> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length() - runStart;
            if (length <= 0) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(length, Integer.MAX_VALUE - 8)];
            in.seek(runStart);
            in.readFully(bytes);
            return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
