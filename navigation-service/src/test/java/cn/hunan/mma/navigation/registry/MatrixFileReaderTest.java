package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.navigation.registry.service.MatrixFileContent;
import cn.hunan.mma.navigation.registry.service.MatrixFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MatrixFileReaderTest {

    private final MatrixFileReader reader = new MatrixFileReader(ContractCodec.standard());

    @TempDir
    Path directory;

    @Test
    void a_malformed_line_is_reported_with_file_line_and_reason_while_the_others_load() {
        new MatrixFixtures.Directory(directory)
                .institutions(institution("430321H0001", "430321100"))
                .institutionLine("{\"type\":\"InstitutionSnapshot\",\"institutionId\":")
                .institutions(institution("430321H0002", "430321"))
                .write();

        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rows()).extracting(row -> row.snapshot().institutionId().value())
                .containsExactly("430321H0001", "430321H0002");
        assertThat(content.rows()).extracting(row -> row.line()).containsExactly(1, 3);
        assertThat(content.rejected()).extracting(RejectedRow::file, RejectedRow::line, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("institutions.jsonl", 2, "MALFORMED_JSON"));
    }

    @Test
    void a_division_code_of_the_wrong_form_is_rejected_as_malformed() {
        String good = new String(ContractCodec.standard().encode(institution("430321H0001", "430321100")));
        new MatrixFixtures.Directory(directory)
                .institutionLine(good.replace("\"430321100\"", "\"43032A\""))
                .write();

        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rows()).isEmpty();
        assertThat(content.rejected()).singleElement()
                .satisfies(row -> assertThat(row.reason()).isEqualTo("MALFORMED_DIVISION_CODE"))
                .satisfies(row -> assertThat(row.detail()).doesNotContain("43032A"));
    }

    @Test
    void a_duplicate_id_is_rejected_after_its_first_occurrence() {
        InstitutionSnapshot first = institution("430321H0001", "430321100");
        new MatrixFixtures.Directory(directory)
                .institutions(first, institution("430321H0001", "430321101"))
                .write();

        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rows()).singleElement().satisfies(row -> assertThat(row.snapshot()).isEqualTo(first));
        assertThat(content.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.reason()).isEqualTo("DUPLICATE_ID");
        });
    }

    @Test
    void a_line_not_in_utf8_is_reported_with_its_line_number_while_the_others_load() throws IOException {
        String good = json(institution("430321H0001", "430321100"));
        String latin1 = json(institution("430321H0002", "430321")).replace("医院 430321H0002", "Hôpital de Xiangtan");
        write(good.getBytes(StandardCharsets.UTF_8), latin1.getBytes(StandardCharsets.ISO_8859_1),
                json(institution("430321H0003", "430321")).getBytes(StandardCharsets.UTF_8));

        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rows()).extracting(row -> row.snapshot().institutionId().value(), row -> row.line())
                .containsExactly(tuple("430321H0001", 1), tuple("430321H0003", 3));
        assertThat(content.rejected()).singleElement().satisfies(row -> {
            assertThat(row.file()).isEqualTo("institutions.jsonl");
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.reason()).isEqualTo("MALFORMED_ENCODING");
            assertThat(row.detail()).contains("UTF-8").doesNotContain("Xiangtan");
        });
    }

    @Test
    void a_byte_order_mark_before_the_first_line_and_crlf_line_ends_are_tolerated() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] first = json(institution("430321H0001", "430321100")).getBytes(StandardCharsets.UTF_8);
        byte[] firstWithBom = new byte[bom.length + first.length];
        System.arraycopy(bom, 0, firstWithBom, 0, bom.length);
        System.arraycopy(first, 0, firstWithBom, bom.length, first.length);
        write(firstWithBom, (json(institution("430321H0002", "430321")) + "\r").getBytes(StandardCharsets.UTF_8));

        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rejected()).isEmpty();
        assertThat(content.rows()).extracting(row -> row.line()).containsExactly(1, 2);
    }

    /**
     * The contract refuses a latitude of 112.95 as "between -90 and 90"; the report says the pair is swapped. A pair
     * the contract accepts but outside Hunan is the importer's rules' to refuse (RegistryApiTest), not the reader's.
     */
    @Test
    void a_swapped_pair_of_coordinates_is_reported_as_swapped() throws IOException {
        String swapped = json(institution("430321H0002", "430321"))
                .replace("\"latitude\":27.78", "\"latitude\":112.95").replace("\"longitude\":112.95", "\"longitude\":27.78");
        String beyondEveryRange = json(institution("430321H0003", "430321")).replace("\"latitude\":27.78", "\"latitude\":95");
        assertThat(swapped).contains("\"latitude\":112.95,").contains("\"longitude\":27.78");
        write(json(institution("430321H0001", "430321")).getBytes(StandardCharsets.UTF_8), swapped.getBytes(StandardCharsets.UTF_8),
                beyondEveryRange.getBytes(StandardCharsets.UTF_8));

        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rows()).extracting(row -> row.line()).containsExactly(1);
        assertThat(content.rejected()).extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple(2, "IMPLAUSIBLE_COORDINATES"), tuple(3, "IMPLAUSIBLE_COORDINATES"));
        assertThat(content.rejected().get(0).detail()).startsWith("$.latitude:").contains("swapped");
        assertThat(content.rejected().get(1).detail()).startsWith("$.latitude:").doesNotContain("swapped");
    }

    @Test
    void an_absent_file_reads_as_empty() {
        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rows()).isEmpty();
        assertThat(content.rejected()).isEmpty();
    }

    private static String json(InstitutionSnapshot institution) {
        return new String(ContractCodec.standard().encode(institution), StandardCharsets.UTF_8);
    }

    private void write(byte[]... lines) throws IOException {
        Files.write(directory.resolve("institutions.jsonl"), MatrixFixtures.lines("\n", lines));
    }
}
