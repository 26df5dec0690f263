package cn.hunan.mma.simulator.output;

import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GzipEventFileTest {

    @Test
    void members_compressed_apart_read_back_as_one_event_file_in_order(@TempDir Path dir) {
        Path file = dir.resolve("events.jsonl.gz");
        List<String> written = new ArrayList<>();
        try (GzipEventFile out = new GzipEventFile(file)) {
            for (int member = 0; member < 5; member++) {
                StringBuilder slice = new StringBuilder();
                for (int line = 0; line < 1_000 * member + 1; line++) {
                    String value = "{\"n\":" + member + ",\"line\":" + line + ",\"text\":\"湘潭县人民医院\"}";
                    written.add(value);
                    slice.append("mma.care.inpatient\t430321H0001\t").append(value).append('\n');
                }
                out.write(out.encode(slice.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        List<String> read = new ArrayList<>();
        try (EventFileReader reader = new EventFileReader(file)) {
            EventLine line;
            while ((line = reader.next()) != null) {
                assertThat(line.topic()).isEqualTo("mma.care.inpatient");
                assertThat(line.key()).isEqualTo("430321H0001");
                read.add(line.valueText());
            }
        }
        assertThat(read).isEqualTo(written);
    }
}
