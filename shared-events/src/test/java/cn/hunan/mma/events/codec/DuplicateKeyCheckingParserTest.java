package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec's own duplicate-key check must refuse exactly what Jackson's STRICT_DUPLICATE_DETECTION
 * refuses, at the same line and column (the rejection message names them).
 */
class DuplicateKeyCheckingParserTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Where Jackson's detector refuses the payload, or null if it reads to the end. */
    private static String jacksonVerdict(byte[] payload) throws IOException {
        try (JsonParser parser = FACTORY.createParser(payload)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            while (parser.nextToken() != null) {
                // read every token
            }
            return null;
        } catch (JsonParseException e) {
            return at(e.getLocation());
        }
    }

    private static String ourVerdict(byte[] payload, boolean skipTopLevelValues) throws IOException {
        try (JsonParser parser = new DuplicateKeyCheckingParser(FACTORY.createParser(payload), payload)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                // as databind does with unknown properties: skip whole values without looking
                if (skipTopLevelValues && token.isStructStart() && parser.getParsingContext().getParent() != null
                        && parser.getParsingContext().getParent().inRoot()) {
                    parser.skipChildren();
                }
            }
            return null;
        } catch (JsonParseException e) {
            return at(e.getLocation());
        }
    }

    private static String at(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"b\":2}",
            "{\n  \"ab\" : 1,\n  \"ab\"  :  2}",
            "{\"x\":{\"b\\u0063\":1,\"bc\":2}}",
            "{\"中文\":1,\"中文\":2}",
            "{\"a\":1,\"\\\"q\":2,\"\\\"q\":3}",
            "{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2,\"b\":3}]}",
            "{\"a\":[{\"b\":1},{\"b\":2,\"b\":3}]}",
            "{\"a\":{\"b\":1},\"b\":{\"a\":2},\"a\":3}",
            "{\"unknown\":{\"deep\":[1,{\"y\":2,\"y\":3}]},\"k\":1}",
            "{\"type\":\"SlotsBooked\",\"count\":1,\"type\":\"SlotsBooked\"}",
            "{\"a\":1}{\"a\":2}",
            "[{\"a\":1},{\"a\":1,\"a\":1}]"})
    void refuses_what_jackson_refuses_at_the_same_place(String json) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        String expected = jacksonVerdict(payload);

        assertThat(ourVerdict(payload, false)).isEqualTo(expected);
        assertThat(ourVerdict(payload, true)).as("with skipped values").isEqualTo(expected);
    }

    @Test
    void the_cases_above_include_both_verdicts() throws IOException {
        assertThat(jacksonVerdict("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isEqualTo("1:11");
        assertThat(jacksonVerdict("{\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void objects_with_many_keys_switch_to_a_set_and_still_find_duplicates() throws IOException {
        for (int keys : new int[] {23, 24, 25, 26, 200, 5000}) {
            StringBuilder distinct = new StringBuilder("{\"outer\":{");
            for (int i = 0; i < keys; i++) {
                distinct.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":{\"k").append(i).append("\":1}");
            }
            String unique = distinct + "},\"k1\":2}";
            String duplicateLast = distinct + ",\"k" + (keys - 1) + "\":3},\"x\":1}";
            String duplicateFirst = distinct + ",\"k0\":3}}";
            for (String json : new String[] {unique, duplicateLast, duplicateFirst}) {
                byte[] payload = json.getBytes(StandardCharsets.UTF_8);
                assertThat(ourVerdict(payload, false)).as(keys + " keys").isEqualTo(jacksonVerdict(payload));
            }
            assertThat(jacksonVerdict(duplicateLast.getBytes(StandardCharsets.UTF_8))).isNotNull();
            assertThat(jacksonVerdict(unique.getBytes(StandardCharsets.UTF_8))).isNull();
        }
    }

    @Test
    void the_codec_refuses_a_duplicate_inside_an_object_no_record_knows() {
        String fixture = new String(GoldenFixtures.bytes("BedStatusReported"), StandardCharsets.UTF_8);
        String withDuplicate = fixture.replaceFirst("\\{", "{\"futureBlock\":{\"list\":[{\"a\":1,\"a\":2}]},");
        String withoutDuplicate = fixture.replaceFirst("\\{", "{\"futureBlock\":{\"list\":[{\"a\":1,\"b\":2}]},");

        DecodeResult<?> refused = GoldenFixtures.codec().decode(withDuplicate.getBytes(StandardCharsets.UTF_8));
        assertThat(refused).isInstanceOfSatisfying(DecodeResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Reason.MALFORMED_JSON);
            assertThat(rejected.path()).isEqualTo("$");
            assertThat(rejected.message()).isEqualTo("not valid JSON (line 1, column 35)");
        });
        assertThat(GoldenFixtures.codec().decode(withoutDuplicate.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void the_codec_refuses_a_second_type_after_the_fields() {
        String fixture = new String(GoldenFixtures.bytes("BedStatusReported"), StandardCharsets.UTF_8).trim();
        String twoTypes = fixture.substring(0, fixture.length() - 1) + ",\"type\":\"BedStatusReported\"}";

        DecodeResult<?> refused = GoldenFixtures.codec().decode(twoTypes.getBytes(StandardCharsets.UTF_8));
        assertThat(refused).isInstanceOfSatisfying(DecodeResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(Reason.MALFORMED_JSON));
    }
}
