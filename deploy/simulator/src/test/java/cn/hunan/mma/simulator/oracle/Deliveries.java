package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.simulator.io.EventFileWriter;
import cn.hunan.mma.simulator.io.EventLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An event file built line by line in delivery order, as the generator would write it, and the
 * oracle run over it against {@link SmallHunan}.
 */
final class Deliveries {

    /** The decoding clock of the tests: everything in 2025 is in the past. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final List<EventLine> lines = new ArrayList<>();

    static Deliveries deliveries() {
        return new Deliveries();
    }

    /** Delivers the record on its topic, keyed as the contract says. */
    Deliveries deliver(ContractRecord record) {
        lines.add(lineOf(record));
        return this;
    }

    Deliveries deliver(ContractRecord... records) {
        for (ContractRecord record : records) {
            deliver(record);
        }
        return this;
    }

    /** Delivers a value exactly as given: a malformed record, as fault injection writes it. */
    Deliveries deliverRaw(Topic<?, ?> topic, String key, String value) {
        return deliverRaw(topic.name(), key, value);
    }

    Deliveries deliverRaw(String topic, String key, String value) {
        lines.add(new EventLine(topic, key, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    Path writeTo(Path file) {
        try (EventFileWriter writer = new EventFileWriter(file)) {
            lines.forEach(writer::write);
        }
        return file;
    }

    /** Writes the matrix and the event file under the directory and runs the oracle over them. */
    OracleReport throughTheOracle(Path directory) {
        Path matrix = SmallHunan.writeTo(directory.resolve("matrix"));
        Path events = writeTo(directory.resolve("events.jsonl.gz"));
        return new Oracle(Clock.fixed(NOW, ZoneOffset.UTC)).run(events, matrix);
    }

    /** The line the generator writes for a valid record: its topic, its key as text, its contract JSON. */
    static EventLine lineOf(ContractRecord record) {
        Topic<?, ?> topic = Topics.carrying(record.getClass()).orElseThrow();
        return new EventLine(topic.name(), keyText(topic, record), ContractCodec.standard().encode(record));
    }

    @SuppressWarnings("unchecked")
    private static <K, V extends ContractRecord> String keyText(Topic<K, V> topic, ContractRecord record) {
        return topic.keyText(topic.keyOf((V) record));
    }
}
