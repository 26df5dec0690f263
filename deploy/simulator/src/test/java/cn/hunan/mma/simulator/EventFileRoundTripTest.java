package cn.hunan.mma.simulator;

import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventFileWriter;
import cn.hunan.mma.simulator.io.EventLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventFileRoundTripTest {

    @Test
    void lines_read_back_byte_for_byte_including_malformed_values(@TempDir Path dir) {
        Path file = dir.resolve("events.jsonl.gz");
        String json = "{\"type\":\"OutpatientVisitRecorded\",\"name\":\"湘潭县人民医院\"}";
        String malformed = "{\"type\":\"OutpatientVisitRecorded\",";
        try (var writer = new EventFileWriter(file)) {
            writer.write("mma.care.outpatient-visits", "H430321001", json.getBytes(StandardCharsets.UTF_8));
            writer.write("mma.care.outpatient-visits", "H430321001", malformed.getBytes(StandardCharsets.UTF_8));
        }

        try (var reader = new EventFileReader(file)) {
            EventLine first = reader.next();
            EventLine second = reader.next();
            assertThat(first.topic()).isEqualTo("mma.care.outpatient-visits");
            assertThat(first.key()).isEqualTo("H430321001");
            assertThat(first.valueText()).isEqualTo(json);
            assertThat(second.valueText()).isEqualTo(malformed);
            assertThat(reader.next()).isNull();
            assertThat(reader.lineNumber()).isEqualTo(2);
        }
    }

    @Test
    void lines_longer_than_the_read_block_and_many_lines_read_back_intact(@TempDir Path dir) {
        Path file = dir.resolve("events.jsonl.gz");
        String big = "{\"note\":\"" + "湘".repeat(50_000) + "\"}"; // 150 KB: spans several 64 KiB blocks
        try (var writer = new EventFileWriter(file)) {
            for (int i = 0; i < 10_000; i++) {
                writer.write("t", "k" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            writer.write("t", "big", big.getBytes(StandardCharsets.UTF_8));
        }

        try (var reader = new EventFileReader(file)) {
            for (int i = 0; i < 10_000; i++) {
                assertThat(reader.next().key()).isEqualTo("k" + i);
            }
            assertThat(reader.next().valueText()).isEqualTo(big);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void keys_with_tabs_are_refused() {
        assertThatThrownBy(() -> new EventLine("t", "a\tb", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
