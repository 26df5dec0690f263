package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.service.InstitutionCsvReader;
import cn.hunan.mma.navigation.registry.service.MatrixFileContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InstitutionCsvReaderTest {

    private static final Instant NOW = Instant.parse("2025-03-01T02:00:00Z");
    private final InstitutionCsvReader reader = new InstitutionCsvReader(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path temp;

    @Test
    void reads_good_rows_and_reports_bad_ones_by_line_and_reason() throws IOException {
        MatrixFileContent<InstitutionSnapshot> content = reader.read(csv(
                "# 湘潭 institutions",
                InstitutionCsvReader.HEADER,
                "430321H0001,\"湘潭县人民医院, 总院\",COUNTY,GENERAL,430321,27.7790,112.9520,CC-430321;SA-cardiology-43,true",
                "430321T0100,易俗河镇卫生院,TOWNSHIP,COMMUNITY,430321100,,,,",
                "430321H0002,湘潭县中医医院,COUNTY,TCM,4303,27.7,112.9,,true",
                "430321H0003,湘潭县妇幼保健院,HAMLET,MATERNAL_CHILD,430321,27.7,112.9,,true",
                "430321H0001,重复,COUNTY,GENERAL,430321,27.7,112.9,,true",
                "430321H0004,too,few"));

        assertThat(content.rows()).hasSize(2);
        InstitutionSnapshot county = content.rows().get(0).snapshot();
        assertThat(county.name()).isEqualTo("湘潭县人民医院, 总院");
        assertThat(county.level()).isEqualTo(Level.COUNTY);
        assertThat(county.latitude()).isEqualByComparingTo(new BigDecimal("27.7790"));
        assertThat(county.allianceIds()).containsExactly(AllianceId.of("CC-430321"), AllianceId.of("SA-cardiology-43"));
        assertThat(county.occurredAt()).isEqualTo(NOW);
        InstitutionSnapshot township = content.rows().get(1).snapshot();
        assertThat(township.latitude()).isNull();
        assertThat(township.active()).isTrue();
        assertThat(content.rejected()).extracting(RejectedRow::line, RejectedRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "MALFORMED_DIVISION_CODE"),
                org.assertj.core.groups.Tuple.tuple(6, "MALFORMED_ROW"),
                org.assertj.core.groups.Tuple.tuple(7, "DUPLICATE_ID"),
                org.assertj.core.groups.Tuple.tuple(8, "MALFORMED_ROW"));
        assertThat(content.rejected().get(1).detail()).startsWith("level:");
    }

    @Test
    void a_file_with_another_header_loads_nothing_and_says_why() throws IOException {
        MatrixFileContent<InstitutionSnapshot> content = reader.read(csv("id,name", "430321H0001,x"));

        assertThat(content.rows()).isEmpty();
        assertThat(content.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(1);
            assertThat(row.reason()).isEqualTo("BAD_HEADER");
        });
    }

    @Test
    void a_row_not_in_utf8_is_reported_with_its_line_number_while_the_others_load() throws IOException {
        Path file = temp.resolve(InstitutionCsvReader.FILE_NAME);
        Files.write(file, bytes(
                InstitutionCsvReader.HEADER.getBytes(StandardCharsets.UTF_8),
                "430321H0001,湘潭县人民医院,COUNTY,GENERAL,430321,27.7790,112.9520,,true".getBytes(StandardCharsets.UTF_8),
                "430321H0002,Hôpital de Xiangtan,COUNTY,GENERAL,430321,27.7,112.9,,true".getBytes(StandardCharsets.ISO_8859_1),
                "430321H0003,湘潭县中医医院,COUNTY,TCM,430321,27.7,112.9,,true".getBytes(StandardCharsets.UTF_8)));

        MatrixFileContent<InstitutionSnapshot> content = reader.read(file);

        assertThat(content.rows()).extracting(row -> row.snapshot().institutionId().value(), row -> row.line())
                .containsExactly(tuple("430321H0001", 2), tuple("430321H0003", 4));
        assertThat(content.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.reason()).isEqualTo("MALFORMED_ENCODING");
            assertThat(row.detail()).doesNotContain("Xiangtan");
        });
    }

    /** Excel's "CSV UTF-8" starts the file with a byte-order mark, before a comment line or the header. */
    @Test
    void a_byte_order_mark_before_the_header_or_a_comment_is_tolerated() throws IOException {
        String row = "430321H0001,湘潭县人民医院,COUNTY,GENERAL,430321,,,,";
        for (List<String> lines : List.of(List.of("\uFEFF" + InstitutionCsvReader.HEADER, row),
                List.of("\uFEFF# exported from Excel", InstitutionCsvReader.HEADER, row))) {
            MatrixFileContent<InstitutionSnapshot> content = reader.read(csv(lines.toArray(String[]::new)));

            assertThat(content.rejected()).as("a file starting " + lines.get(0)).isEmpty();
            assertThat(content.rows()).as("a file starting " + lines.get(0)).hasSize(1);
        }
    }

    @Test
    void a_header_not_in_utf8_loads_nothing_and_says_why() throws IOException {
        Path file = temp.resolve(InstitutionCsvReader.FILE_NAME);
        Files.write(file, bytes(
                "institution_id,nom_établissement,level".getBytes(StandardCharsets.ISO_8859_1),
                "430321H0001,湘潭县人民医院,COUNTY,GENERAL,430321,,,,".getBytes(StandardCharsets.UTF_8)));

        MatrixFileContent<InstitutionSnapshot> content = reader.read(file);

        assertThat(content.rows()).isEmpty();
        assertThat(content.rejected()).extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple(1, "BAD_HEADER"));
    }

    /** As Excel ends its lines. */
    private static byte[] bytes(byte[]... lines) {
        return MatrixFixtures.lines("\r\n", lines);
    }

    /** A spreadsheet's usual slip, the two columns swapped, is named; a place outside Hunan names the figure that is off. */
    @Test
    void rows_with_coordinates_outside_hunan_are_rejected_and_a_swapped_pair_is_named() throws IOException {
        MatrixFileContent<InstitutionSnapshot> content = reader.read(csv(
                InstitutionCsvReader.HEADER,
                "430321H0001,湘潭县人民医院,COUNTY,GENERAL,430321,27.7790,112.9520,,true",
                "430321H0002,湘潭县中医医院,COUNTY,TCM,430321,112.9520,27.7790,,true",
                "430321H0003,湘潭县妇幼保健院,COUNTY,MATERNAL_CHILD,430321,28.68,115.86,,true"));

        assertThat(content.rows()).extracting(row -> row.snapshot().institutionId().value()).containsExactly("430321H0001");
        assertThat(content.rejected()).extracting(RejectedRow::line, RejectedRow::reason).containsExactly(
                tuple(3, "IMPLAUSIBLE_COORDINATES"), tuple(4, "IMPLAUSIBLE_COORDINATES"));
        assertThat(content.rejected().get(0).detail()).startsWith("latitude:").contains("swapped");
        assertThat(content.rejected().get(1).detail()).startsWith("longitude:");
    }

    private Path csv(String... lines) throws IOException {
        Path file = temp.resolve(InstitutionCsvReader.FILE_NAME);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
