package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.codec.ContractJson;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary written beside an event file ({@code name.summary.json}): how it was generated and
 * what it holds, per event type and fault. Holds no timings, so equal runs give equal summaries.
 */
public final class RunSummary {

    private RunSummary() {
    }

    /** {@code events.jsonl.gz} → {@code events.summary.json}. */
    public static Path besides(Path eventFile) {
        String name = eventFile.getFileName().toString();
        String base = name.endsWith(".jsonl.gz") ? name.substring(0, name.length() - ".jsonl.gz".length()) : name;
        return eventFile.resolveSibling(base + ".summary.json");
    }

    public static void write(Path file, String command, Simulation simulation, EventTally tally) {
        RunOptions options = simulation.options();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("generatedBy", command);
        summary.put("notice", "Synthetic events of synthetic residents; pseudonyms are hashes of (seed, county, resident number).");
        summary.put("area", simulation.area().area().code());
        summary.put("residents", simulation.area().population());
        summary.put("seed", options.seed());
        summary.put("firstDay", options.firstDay().toString());
        summary.put("lastDay", options.lastDay().toString());
        summary.put("days", options.days());
        summary.put("faultRates", options.faults());
        summary.putAll(tally.asMap());
        try {
            byte[] json = ContractJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(summary);
            Files.write(file, (new String(json, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
