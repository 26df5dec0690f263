package cn.hunan.mma.simulator.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bundled reference CSV: UTF-8, a header row, comma-separated. The files kept under
 * {@code /reference} contain no quoted fields, so a plain split is exact (checked on load).
 */
final class CsvTable {

    private final String resource;
    private final Map<String, Integer> columns;
    private final List<String[]> rows;

    private CsvTable(String resource, Map<String, Integer> columns, List<String[]> rows) {
        this.resource = resource;
        this.columns = columns;
        this.rows = rows;
    }

    static CsvTable load(String resource) {
        InputStream in = CsvTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the classpath: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String[] header = reader.readLine().split(",", -1);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i], i);
            }
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != header.length || line.indexOf('"') >= 0) {
                    throw new IllegalStateException(resource + " row " + (rows.size() + 2) + " is not a plain "
                            + header.length + "-column row");
                }
                rows.add(fields);
            }
            return new CsvTable(resource, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    List<String[]> rows() {
        return rows;
    }

    int column(String name) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new IllegalStateException(resource + " has no column " + name);
        }
        return index;
    }
}
