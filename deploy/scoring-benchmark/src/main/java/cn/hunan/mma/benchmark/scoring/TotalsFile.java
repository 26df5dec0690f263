package cn.hunan.mma.benchmark.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A contender's final totals as text, one "SCOPE|month<TAB>measure=amount,…" line per key: how child JVMs hand them back. */
public final class TotalsFile {

    private TotalsFile() {
    }

    public static void write(Path file, Map<String, Map<String, Long>> totals) throws IOException {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(totals).forEach((key, values) -> {
            StringBuilder line = new StringBuilder(key).append('\t');
            new TreeMap<>(values).forEach((measure, amount) -> line.append(measure).append('=').append(amount).append(','));
            lines.add(line.toString());
        });
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static Map<String, Map<String, Long>> read(Path file) throws IOException {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 2);
            Map<String, Long> values = new TreeMap<>();
            for (String pair : parts[1].split(",")) {
                if (!pair.isEmpty()) {
                    int equals = pair.lastIndexOf('=');
                    values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
                }
            }
            totals.put(parts[0], values);
        }
        return totals;
    }
}
