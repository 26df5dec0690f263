package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.*;

/**
 * Prints the outcome (decoded record, or reason, path and message) of decoding a deterministic
 * corpus: the hostile fixtures and, per golden fixture, mutated payloads (values swapped for
 * edge cases and junk, keys repeated or dropped, unknown blocks with duplicates, type not first,
 * trailing content; a third compacted). Not a unit test: run it on two builds with the same seed
 * and diff the outputs, to show a codec change accepts and rejects exactly as before.
 * <pre>
 * java -cp &lt;classes&gt;:target/test-classes:$(cat cp.txt) cn.hunan.mma.events.codec.DecodeOutcomes 42 600 src/test/resources/fixtures/hostile
 * </pre>
 */
public final class DecodeOutcomes {
    static final String[] VALUES = {
        "\"2025-03-14T02:30:00Z\"", "\"2025-02-29T00:00:00Z\"", "\"2024-02-29T00:00:00Z\"", "\"2025-03-14t02:30:00z\"", "\"2025-03-14T02:30Z\"",
        "\"2025-03-14T02:30:00.123456789+08:00\"", "\"2025-03-14T02:30:00.1234567890Z\"", "\"2025-03-14T24:00:00Z\"", "\"2025-03-14T02:30:00+18:01\"",
        "\"2099-03-14T02:30:00Z\"", "\"2026-06-30T00:04:59Z\"", "\"2026-06-30T00:05:01Z\"", "\"2025-03-14T02:30:00-00:30\"", "\"2025-03-14T02:30:00\"",
        "\"2025-03-14\"", "\"2025-13-01\"", "\"2025-02-29\"", "\"2025-3-14\"", "\"+12025-03-14\"", "1741919400", "1741919400.5",
        "null", "true", "false", "0", "-1", "3", "3.0", "1e600000000", "\"3\"", "\"\"", "\" \"", "[]", "{}", "[\"I10\"]", "{\"a\":1,\"a\":2}",
        "\"I10\"", "\"I10.x00x002\"", "\"I10.X00\"", "\"i10\"", "\"47.0901\"", "\"00.6600x004\"", "\"47.090\"", "\"17.912A0\"",
        "\"BR25\"", "\"br25\"", "\"430321\"", "\"430321100004\"", "\"030321\"", "\"430321H0001\"", "\"430321:H0001\"",
        "\"12.50\"", "\"12.5\"", "\"-1.00\"", "\"0.00\"", "\"-0.00\"", "\"01.00\"", "12.50", "\"1e5\"",
        "\"430321199001011234\"", "\"A30321199001011234x\"", "\"923629b93f7e6789edac3a8a0d1917da2d96adfbbd6a51f3588fcb8ca5f6a4b8\"",
        "\"923629B93F7E6789EDAC3A8A0D1917DA2D96ADFBBD6A51F3588FCB8CA5F6A4B8\"",
        "\"1E250C70-DFF6-4E52-8690-A9C144E7CF0F\"", "\"1e250c70-dff6-4e52-8690-a9c144e7cf0\"", "\"1e250c70dff64e528690a9c144e7cf0f\"",
        "\"2025-H1\"", "\"2025-03\"", "\"2025-H3\"", "\"2025\"", "\"COUNTY\"", "\"county\"", "\"OUTPATIENT\"", "\"9\"", "\"7\"",
        "\"InpatientDischarged\"", "\"SlotsBooked\"", "\"NoSuchType\"", "86.93", "100.001", "86.9"
    };

    private DecodeOutcomes() {
    }

    public static void main(String[] args) throws Exception {
        ContractCodec codec = ContractCodec.withClock(Clock.fixed(Instant.parse("2026-06-30T00:00:00Z"), ZoneOffset.UTC));
        Random random = new Random(Long.parseLong(args[0]));
        int perType = Integer.parseInt(args[1]);
        StringBuilder out = new StringBuilder();
        List<String> hostile = new ArrayList<>();
        Path hostileDir = Path.of(args[2]);
        try (var files = Files.list(hostileDir)) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> hostile.add(p.toString()));
        }
        for (String file : hostile) {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            out.append(file, file.lastIndexOf('/') + 1, file.length()).append(" -> ").append(outcome(codec, bytes, ContractRecord.class)).append('\n');
        }
        for (String name : EventTypes.all().keySet()) {
            String fixture;
            try (InputStream in = DecodeOutcomes.class.getResourceAsStream("/fixtures/golden/" + name + ".json")) {
                fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Class<? extends ContractRecord> topicType = topicTypeOf(EventTypes.classOf(name).orElseThrow());
            for (int i = 0; i < perType; i++) {
                String payload = mutate(fixture, random);
                if (random.nextInt(3) == 0) {
                    payload = payload.replaceAll("\\n\\s*", "");
                }
                byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
                out.append(name).append('#').append(i).append(" any: ").append(outcome(codec, bytes, ContractRecord.class))
                   .append(" | topic: ").append(outcome(codec, bytes, topicType)).append('\n');
            }
        }
        System.out.print(out);
    }

    static String outcome(ContractCodec codec, byte[] bytes, Class<? extends ContractRecord> type) {
        DecodeResult<?> result = codec.decode(bytes, type);
        if (result instanceof DecodeResult.Rejected<?> r) {
            return "R " + r.reason() + " " + r.path() + " :: " + r.message();
        }
        return "D " + result.orElseThrow();
    }

    static Class<? extends ContractRecord> topicTypeOf(Class<? extends ContractRecord> type) {
        for (Topic<?, ?> topic : Topics.all()) {
            if (topic.valueType().isAssignableFrom(type)) return topic.valueType();
        }
        throw new IllegalArgumentException();
    }

    static String mutate(String fixture, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(fixture.split("\n")));
        int ops = 1 + random.nextInt(2);
        for (int k = 0; k < ops; k++) {
            int at = 1 + random.nextInt(Math.max(1, lines.size() - 2));
            String line = lines.get(at);
            switch (random.nextInt(9)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line.endsWith(",") ? line : line + ",");          // duplicate key
                case 2, 3, 4 -> {                                                         // replace a value
                    int colon = line.indexOf("\": ");
                    if (colon > 0) {
                        String rest = line.substring(colon + 3);
                        boolean comma = rest.endsWith(",");
                        if (!rest.startsWith("{") && !rest.startsWith("[")) {
                            lines.set(at, line.substring(0, colon + 3) + VALUES[random.nextInt(VALUES.length)] + (comma ? "," : ""));
                        }
                    } else if (line.trim().startsWith("\"")) {                            // an array element
                        boolean comma = line.endsWith(",");
                        lines.set(at, "    " + VALUES[random.nextInt(VALUES.length)] + (comma ? "," : ""));
                    }
                }
                case 5 -> lines.add(at, "  \"extra\": {\"x\": [1, {\"y\": 2, \"y\": 3}], \"z\": 1},");   // dup in unknown nested
                case 6 -> lines.add(at, "  \"extra\": {\"x\": [1, {\"y\": 2}], \"w\": " + VALUES[random.nextInt(VALUES.length)] + "},");
                case 7 -> { if (at > 1) { Collections.swap(lines, 1, at); } }              // type not first
                default -> { if (random.nextBoolean()) { lines.add(lines.size() - 1, ", \"type\": \"SlotsBooked\""); } else { lines.set(lines.size() - 1, "} x"); } }
            }
        }
        return String.join("\n", lines);
    }
}
