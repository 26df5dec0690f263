package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.value.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBufferTest {

    @Test
    void instants_are_written_as_java_prints_them_for_whole_seconds() {
        SplittableRandom random = new SplittableRandom(1);
        JsonBuffer buffer = new JsonBuffer(8);
        for (int i = 0; i < 20_000; i++) {
            long second = Instant.parse("1999-01-01T00:00:00Z").getEpochSecond() + random.nextLong(40L * 365 * 86_400);
            buffer.reset();
            buffer.instant(second);
            assertThat(text(buffer)).isEqualTo(Instant.ofEpochSecond(second).toString());
        }
    }

    @Test
    void dates_are_iso_dates_across_leap_years_and_centuries() {
        JsonBuffer buffer = new JsonBuffer(8);
        for (long day = LocalDate.of(1899, 12, 25).toEpochDay(); day < LocalDate.of(2101, 1, 5).toEpochDay(); day += 7) {
            buffer.reset();
            buffer.date(day);
            assertThat(text(buffer)).isEqualTo(LocalDate.ofEpochDay(day).toString());
        }
    }

    @Test
    void money_is_written_as_the_contract_writes_yuan() {
        JsonBuffer buffer = new JsonBuffer(8);
        for (long fen : new long[] {0, 5, 10, 99, 100, 1_234_567, 12_860_35}) {
            buffer.reset();
            buffer.yuan(fen);
            assertThat(text(buffer)).isEqualTo(Money.ofFen(fen).toYuanString());
        }
    }

    @Test
    void hex_and_numbers_match_the_jdk() {
        JsonBuffer buffer = new JsonBuffer(8);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong();
            buffer.reset();
            buffer.hex16(value);
            assertThat(text(buffer)).isEqualTo(String.format("%016x", value));
            buffer.reset();
            buffer.number(value & Long.MAX_VALUE);
            assertThat(text(buffer)).isEqualTo(Long.toString(value & Long.MAX_VALUE));
        }
        assertThatThrownBy(() -> buffer.number(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void free_text_is_escaped_as_json_requires() {
        JsonBuffer buffer = new JsonBuffer(4);
        buffer.escaped("转诊\"原因\"\\\n");
        assertThat(text(buffer)).isEqualTo("转诊\\\"原因\\\"\\\\\\u000a");
    }

    private static String text(JsonBuffer buffer) {
        return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
    }
}
