package cn.hunan.mma.events.schema;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.testing.GoldenFixtures;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No record is looser than its schema's integer ranges: a value just outside a range the schema states is refused by
 * the codec too, so what an integration team's validator passes at the edge is what the consumers accept. The ranges
 * come from the component's kind (a count: at least 0) or its {@code @Bounds}. (The other way, a record check no
 * {@code @Bounds} states, is not found here: cross-field invariants keep the edge values from being tried generically.)
 */
class ContractBoundsTest {

    private final ContractCodec codec = GoldenFixtures.codec();
    private final ObjectMapper trees = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Set<String> typeNames() {
        return EventTypes.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void a_value_just_outside_an_integer_range_of_the_schema_is_refused_by_schema_and_codec(String typeName) throws IOException {
        JsonNode schemaTree;
        try (InputStream in = ContractBoundsTest.class.getResourceAsStream("/schemas/" + SchemaGenerator.fileName(typeName))) {
            schemaTree = trees.readTree(in);
        }
        JsonSchema schema = schemas.getSchema(schemaTree);
        assertThat(codec.decode(GoldenFixtures.bytes(typeName))).as("the untouched fixture decodes")
                .isInstanceOf(DecodeResult.Decoded.class);
        List<String> loose = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemaTree.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode rule = property.getValue();
            if (!"integer".equals(rule.path("type").asText())) {
                continue;
            }
            assertThat(rule.has("minimum")).as(typeName + "." + property.getKey() + " has a minimum").isTrue();
            List<Long> outside = new ArrayList<>(List.of(rule.get("minimum").asLong() - 1));
            if (rule.has("maximum")) {
                outside.add(rule.get("maximum").asLong() + 1);
            }
            for (long value : outside) {
                ObjectNode fixture = (ObjectNode) trees.readTree(GoldenFixtures.bytes(typeName));
                fixture.put(property.getKey(), value);
                assertThat(schema.validate(fixture)).as("the schema refuses %s = %d", property.getKey(), value).isNotEmpty();
                // Refused for this value, not for something else wrong with the fixture.
                if (!(codec.decode(trees.writeValueAsBytes(fixture)) instanceof DecodeResult.Rejected<?> rejected)
                        || !rejected.path().contains(property.getKey())) {
                    loose.add(property.getKey() + " = " + value);
                }
            }
        }
        assertThat(loose).as("values the schema refuses but " + typeName + " accepts").isEmpty();
    }
}
