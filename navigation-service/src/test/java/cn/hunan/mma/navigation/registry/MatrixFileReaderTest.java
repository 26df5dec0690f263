package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.navigation.registry.service.MatrixFileContent;
import cn.hunan.mma.navigation.registry.service.MatrixFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static org.assertj.core.api.Assertions.assertThat;

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
    void an_absent_file_reads_as_empty() {
        MatrixFileContent<InstitutionSnapshot> content = reader.read(directory, RegistryTable.INSTITUTIONS);

        assertThat(content.rows()).isEmpty();
        assertThat(content.rejected()).isEmpty();
    }
}
