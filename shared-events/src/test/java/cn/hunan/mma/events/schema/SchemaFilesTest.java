package cn.hunan.mma.events.schema;

import cn.hunan.mma.events.codec.ContractJson;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed schemas are exactly what the generator makes from the records today, so a
 * contract change shows up as a schema diff in review. Regenerate after changing a record:
 * {@value SchemaGenerator#REGENERATE_COMMAND}
 */
class SchemaFilesTest {

    private static final Path COMMITTED = Path.of("src", "main", "resources", "schemas");

    private final SchemaGenerator generator = new SchemaGenerator(ContractJson.newObjectMapper());

    @Test
    void committed_schemas_match_the_records() throws IOException {
        Map<String, String> generated = generator.generateAll();
        if (Boolean.getBoolean("schemas.regenerate")) {
            deleteStale(generated.keySet());
            generator.writeAll(COMMITTED);
        }

        assertThat(committedFileNames()).as("schema files").containsExactlyInAnyOrderElementsOf(generated.keySet());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(Files.readString(COMMITTED.resolve(file.getKey()), StandardCharsets.UTF_8))
                    .as("%s is stale; regenerate with %s", file.getKey(), SchemaGenerator.REGENERATE_COMMAND)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void schemas_carry_the_generated_banner_with_the_command() {
        assertThat(generator.generateAll().values())
                .allSatisfy(text -> assertThat(text).contains("generated — do not edit; regenerate with "
                        + SchemaGenerator.REGENERATE_COMMAND));
    }

    @Test
    void optional_components_are_listed_but_not_required() throws IOException {
        JsonNode discharge = new ObjectMapper().readTree(generator.generateAll().get("InpatientDischarged.schema.json"));

        assertThat(discharge.at("/properties/episodeId/$ref").asText()).isEqualTo("#/$defs/EpisodeId");
        assertThat(discharge.get("required")).extracting(JsonNode::asText)
                .contains("type", "admissionDate", "procedures", "lengthOfStayDays")
                .doesNotContain("episodeId", "correctsEventId");
    }

    @Test
    void value_types_carry_their_patterns_and_enums_their_wire_values() throws IOException {
        JsonNode discharge = new ObjectMapper().readTree(generator.generateAll().get("InpatientDischarged.schema.json"));

        assertThat(discharge.at("/properties/type/const").asText()).isEqualTo("InpatientDischarged");
        assertThat(discharge.at("/$defs/Icd10Code/pattern").asText()).isEqualTo(Icd10Code.PATTERN);
        assertThat(discharge.at("/$defs/Money/pattern").asText()).isEqualTo(Money.PATTERN);
        assertThat(discharge.at("/$defs/DischargeMode/enum")).extracting(JsonNode::asText)
                .containsExactly("1", "2", "3", "4", "5", "9");
        assertThat(discharge.at("/$defs/Charges/required")).extracting(JsonNode::asText)
                .containsExactly("total", "fundPaid", "outOfPocket");
    }

    private static Set<String> committedFileNames() throws IOException {
        if (!Files.isDirectory(COMMITTED)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(COMMITTED)) {
            return files.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static void deleteStale(Set<String> current) throws IOException {
        for (String name : committedFileNames()) {
            if (!current.contains(name)) {
                Files.delete(COMMITTED.resolve(name));
            }
        }
    }
}
