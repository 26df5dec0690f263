package cn.hunan.mma.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The stack starts from empty server directories each run. */
final class Directories {

    private Directories() {
    }

    static void recreate(Path... directories) {
        for (Path directory : directories) {
            try {
                if (Files.exists(directory)) {
                    try (Stream<Path> tree = Files.walk(directory)) {
                        tree.sorted(Comparator.reverseOrder()).forEach(Directories::delete);
                    }
                }
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot recreate " + directory, e);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
