package cn.hunan.mma.events.codec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written time readers must accept only what the JDK formatters accept, with the same
 * value; what they pass on (null) the formatter decides, so the deserializers as a whole must
 * accept exactly what the formatters accept.
 */
class IsoTimeTextTest {

    private static final ObjectMapper MAPPER = ContractJson.newObjectMapper();

    /** The hand-written text of an instant is Instant.toString's, on edges and on random instants of every fraction width. */
    @Test
    void text_of_an_instant_is_what_instant_to_string_writes() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2024-02-29T12:00:00.010Z"),
                Instant.parse("2025-03-14T02:30:00.000100Z"), Instant.parse("2025-03-14T02:30:00.000000001Z"),
                Instant.ofEpochSecond(-1, 999_999_000), Instant.ofEpochSecond(0, 1_000_000)));
        Random random = new Random(2026);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() - 86_400L * 3;
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 86_400L * 3;
        for (int i = 0; i < 60_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first));
            int nanos = random.nextInt(1_000_000_000);
            // every width: none, millis, micros, nanos
            nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> nanos / 1_000_000 * 1_000_000;
                case 2 -> nanos / 1_000 * 1_000;
                default -> nanos;
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }

        for (Instant instant : instants) {
            assertThat(IsoTimeText.text(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    private static Instant formatterInstant(String text) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate formatterDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant fastInstant(String text) {
        // a buffer with other text around it, as the parser's shared buffers are
        char[] buffer = ("xx" + text + "yy").toCharArray();
        return IsoTimeText.instantOrNull(buffer, 2, text.length());
    }

    private static LocalDate fastDate(String text) {
        char[] buffer = ("x" + text + "9").toCharArray();
        return IsoTimeText.dateOrNull(buffer, 1, text.length());
    }

    /** What the codec's deserializer makes of the JSON string, or null when it refuses it. */
    private static Instant decodedInstant(String text) throws Exception {
        String json = "{\"before\":\"2025-01-01T00:00:00Z\",\"t\":" + MAPPER.writeValueAsString(text) + "}";
        try {
            return MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), new TypeReference<Map<String, Instant>>() { }).get("t");
        } catch (InvalidFormatException e) {
            return null;
        }
    }

    private static LocalDate decodedDate(String text) throws Exception {
        String json = "[\"2025-01-01\"," + MAPPER.writeValueAsString(text) + "]";
        try {
            return MAPPER.readValue(json, new TypeReference<List<LocalDate>>() { }).get(1);
        } catch (InvalidFormatException e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-03-14T02:30:00Z", "2025-03-14T10:30:00+08:00", "2025-03-14T02:00:00-00:30", "2025-03-14T02:30:00-00:00",
            "2025-03-14T02:30:00.1Z", "2025-03-14T02:30:00.12Z", "2025-03-14T02:30:00.123Z", "2025-03-14T02:30:00.1234Z",
            "2025-03-14T02:30:00.12345Z", "2025-03-14T02:30:00.123456Z", "2025-03-14T02:30:00.1234567Z",
            "2025-03-14T02:30:00.12345678Z", "2025-03-14T02:30:00.123456789+08:00", "2025-03-14T02:30:00.000000000Z",
            "2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00", "9999-12-31T23:59:59-18:00", "2025-12-31T23:30:00-05:45",
            "2025-01-31T00:00:00Z", "2025-04-30T00:00:00Z", "1600-02-29T12:00:00Z", "2025-03-14T23:59:59+14:00"})
    void reads_the_common_spellings_as_the_formatter_does(String text) throws Exception {
        Instant expected = formatterInstant(text);

        assertThat(expected).as("the formatter accepts it").isNotNull();
        assertThat(fastInstant(text)).as("fast path").isEqualTo(expected);
        assertThat(decodedInstant(text)).as("deserializer").isEqualTo(expected);
    }

    @Test
    void hand_worked_values() {
        assertThat(fastInstant("2025-03-14T10:30:00+08:00")).isEqualTo(Instant.ofEpochSecond(1_741_919_400L));
        assertThat(fastInstant("1970-01-01T00:00:00.5-00:30")).isEqualTo(Instant.ofEpochSecond(1800, 500_000_000));
        assertThat(fastInstant("1969-12-31T23:59:59.000000001Z")).isEqualTo(Instant.ofEpochSecond(-1, 1));
        // 2024 is a leap year: 1 Mar is day 31 + 29 + 1 of the year; 2024-01-01 is day 19,723 since 1970
        assertThat(fastDate("2024-03-01")).isEqualTo(LocalDate.ofEpochDay(19_723 + 31 + 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // refused by the formatter as well
            "2025-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-13-01T00:00:00Z",
            "2025-00-10T00:00:00Z", "2025-03-00T00:00:00Z", "2025-03-14T24:00:00Z", "2025-03-14T23:60:00Z",
            "2025-03-14T23:59:60Z", "2025-03-14T02:30:00", "2025-03-14T02:30:00+18:01", "2025-03-14T02:30:00+19:00",
            "2025-03-14T02:30:00+08:60", "2025-03-14T02:30:00.1234567890Z", "2025-03-14 02:30:00Z", "2025-03-14T02:30:00ZZ",
            "20250314T023000Z", "2025-03-14", "", "junk", "2025-03-14T02:30:00Z ", " 2025-03-14T02:30:00Z",
            "-2025-03-14T02:30:00Z", "2025-3-14T02:30:00Z", "２０２５-03-14T02:30:00Z",
            // accepted by the formatter, left to it
            "2025-03-14t02:30:00Z", "2025-03-14T02:30:00z", "2025-03-14T02:30Z", "2025-03-14T02:30:00.Z",
            "2025-03-14T02:30:00+08:00:30", "+12025-03-14T02:30:00Z", "2025-03-14T02:30:00+08"})
    void passes_everything_else_to_the_formatter(String text) throws Exception {
        Instant formatter = formatterInstant(text);

        assertThat(fastInstant(text)).as("fast path").isNull();
        assertThat(decodedInstant(text)).as("deserializer").isEqualTo(formatter);
    }

    @Test
    void lower_case_t_and_z_and_missing_seconds_are_still_accepted_through_the_formatter() throws Exception {
        assertThat(decodedInstant("2025-03-14t02:30z")).isEqualTo(Instant.parse("2025-03-14T02:30:00Z"));
        assertThat(decodedInstant("2025-03-14T10:30:00.Z")).isEqualTo(formatterInstant("2025-03-14T10:30:00.Z"));
    }

    @Test
    void a_refused_instant_is_still_an_invalid_format_at_its_field() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"t\":\"2025-02-29T00:00:00Z\"}", new TypeReference<Map<String, Instant>>() { }))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    assertThat(e.getPath()).hasSize(1);
                    assertThat(e.getPath().get(0).getFieldName()).isEqualTo("t");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-14", "2024-02-29", "2000-02-29", "0000-01-01", "9999-12-31", "2025-12-31", "2025-06-30"})
    void reads_plain_dates_as_the_formatter_does(String text) throws Exception {
        assertThat(fastDate(text)).isEqualTo(formatterDate(text)).isNotNull();
        assertThat(decodedDate(text)).isEqualTo(formatterDate(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29", "1900-02-29", "2025-06-31", "2025-13-01", "2025-00-01", "2025-01-00", "2025-1-01",
            "2025/01/01", "+12025-01-01", "-0001-01-01", "2025-01-01T00:00:00Z", "2025-01-1", "", "２０２５-01-01"})
    void passes_other_dates_to_the_formatter(String text) throws Exception {
        assertThat(fastDate(text)).isNull();
        assertThat(decodedDate(text)).isEqualTo(formatterDate(text));
    }

    /** Random strings near the accepted shape: accept iff the formatter accepts, with the same instant. */
    @Test
    void agrees_with_the_formatter_on_thousands_of_random_near_misses() throws Exception {
        Random random = new Random(20251114L);
        int fastAccepted = 0;
        int formatterAccepted = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            String text = randomInstantText(random);
            Instant expected = formatterInstant(text);
            Instant fast = fastInstant(text);
            if (fast != null && !fast.equals(expected) || !java.util.Objects.equals(decodedInstant(text), expected)) {
                disagreements.add(text);
            }
            fastAccepted += fast == null ? 0 : 1;
            formatterAccepted += expected == null ? 0 : 1;
        }
        assertThat(disagreements).isEmpty();
        // the sample must exercise both sides: many accepted by the fast path, many refused
        assertThat(fastAccepted).isGreaterThan(1000);
        assertThat(formatterAccepted).isLessThan(7000);
    }

    @Test
    void agrees_with_the_date_formatter_on_random_near_misses() throws Exception {
        Random random = new Random(7L);
        int fastAccepted = 0;
        for (int i = 0; i < 4000; i++) {
            String text = randomInstantText(random).substring(0, 10);
            if (random.nextInt(4) == 0) {
                text = mutate(text, random);
            }
            LocalDate expected = formatterDate(text);
            LocalDate fast = fastDate(text);
            assertThat(fast == null || fast.equals(expected)).as(text).isTrue();
            assertThat(decodedDate(text)).as(text).isEqualTo(expected);
            fastAccepted += fast == null ? 0 : 1;
        }
        assertThat(fastAccepted).isGreaterThan(1000);
    }

    private static String randomInstantText(Random random) {
        String result = random.nextBoolean() ? randomValidInstantText(random) : randomNearInstantText(random);
        return random.nextInt(5) == 0 ? mutate(result, random) : result;
    }

    /** A valid instant in the common shape: any calendar day, 0-9 fraction digits, any legal offset. */
    private static String randomValidInstantText(Random random) {
        LocalDate day = LocalDate.ofEpochDay(LocalDate.of(0, 1, 1).toEpochDay() + random.nextInt(3_652_059));
        StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                day.getYear(), day.getMonthValue(), day.getDayOfMonth(), random.nextInt(24), random.nextInt(60), random.nextInt(60)));
        int digits = random.nextInt(10);
        if (digits > 0) {
            text.append('.');
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(3) == 0) {
            text.append('Z');
        } else {
            int minutes = random.nextInt(18 * 60 + 1);
            text.append(random.nextBoolean() ? '+' : '-').append(String.format("%02d:%02d", minutes / 60, minutes % 60));
        }
        return text.toString();
    }

    /** Each part picked from valid values, edge values and junk. */
    private static String randomNearInstantText(Random random) {
        StringBuilder text = new StringBuilder();
        text.append(pick(random, "2025", "2024", "2000", "1900", "1970", "0000", "9999", "1600", String.format("%04d", random.nextInt(10000))));
        text.append('-').append(pick(random, "01", "02", "03", "04", "06", "09", "11", "12", "00", "13", twoDigits(random)));
        text.append('-').append(pick(random, "01", "28", "29", "30", "31", "00", "32", twoDigits(random)));
        text.append(pick(random, "T", "T", "T", "t", " "));
        text.append(pick(random, "00", "23", "24", twoDigits(random)));
        text.append(':').append(pick(random, "00", "59", "60", twoDigits(random)));
        if (random.nextInt(10) > 0) {
            text.append(':').append(pick(random, "00", "59", "60", twoDigits(random)));
        }
        if (random.nextBoolean()) {
            text.append('.');
            int digits = random.nextInt(11);
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        text.append(pick(random, "Z", "Z", "z", "+08:00", "-00:30", "+18:00", "-18:00", "+18:01", "+14:00", "-05:45",
                "+08:60", "+08:00:30", "+08", "+0800", "",
                (random.nextBoolean() ? "+" : "-") + twoDigits(random) + ":" + twoDigits(random)));
        return text.toString();
    }

    /** One random deletion, insertion or replacement. */
    private static String mutate(String text, Random random) {
        String alphabet = "0123456789-:.TZtz+ x";
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        return switch (random.nextInt(3)) {
            case 0 -> text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + c + text.substring(at);
            default -> text.isEmpty() ? text : text.substring(0, at) + c + text.substring(at + 1);
        };
    }

    private static String twoDigits(Random random) {
        return String.format("%02d", random.nextInt(100));
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
