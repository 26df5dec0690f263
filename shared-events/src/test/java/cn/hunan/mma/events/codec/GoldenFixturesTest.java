package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.schema.SchemaGenerator;
import cn.hunan.mma.events.testing.GoldenFixtures;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every registered type has a schema and a golden fixture; each fixture is valid and round-trips unchanged. */
class GoldenFixturesTest {

    private final ContractCodec codec = GoldenFixtures.codec();
    private final ObjectMapper trees = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Set<String> typeNames() {
        return EventTypes.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void every_registered_type_has_a_schema_and_a_golden_fixture(String typeName) {
        assertThat(resource("/schemas/" + SchemaGenerator.fileName(typeName))).as("schema").isNotNull();
        assertThat(resource("/fixtures/golden/" + typeName + ".json")).as("golden fixture").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void the_golden_fixture_validates_against_its_schema(String typeName) throws IOException {
        JsonSchema schema;
        try (InputStream in = resource("/schemas/" + SchemaGenerator.fileName(typeName))) {
            schema = schemas.getSchema(in);
        }

        Set<ValidationMessage> problems = schema.validate(trees.readTree(GoldenFixtures.bytes(typeName)));

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void the_golden_fixture_decodes_to_its_type_and_re_encodes_unchanged(String typeName) throws IOException {
        byte[] fixture = GoldenFixtures.bytes(typeName);

        ContractRecord record = codec.decode(fixture).orElseThrow();
        JsonNode reEncoded = trees.readTree(codec.encode(record));

        assertThat(record).isInstanceOf(EventTypes.classOf(typeName).orElseThrow());
        assertThat(reEncoded).isEqualTo(trees.readTree(fixture));
    }

    @Test
    void the_schemas_reject_what_the_codec_rejects_for_shape() throws IOException {
        JsonSchema schema;
        try (InputStream in = resource("/schemas/InpatientDischarged.schema.json")) {
            schema = schemas.getSchema(in);
        }
        var discharge = (com.fasterxml.jackson.databind.node.ObjectNode) trees.readTree(GoldenFixtures.bytes("InpatientDischarged"));
        discharge.remove("admissionDate");
        discharge.put("principalDiagnosis", "I63-900");

        assertThat(schema.validate(discharge)).extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("admissionDate"))
                .anySatisfy(message -> assertThat(message).contains("principalDiagnosis"));
    }

    private static InputStream resource(String name) {
        return GoldenFixturesTest.class.getResourceAsStream(name);
    }
}
