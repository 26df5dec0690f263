package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.io.MatrixFiles;
import cn.hunan.mma.simulator.reference.Area;
import cn.hunan.mma.simulator.reference.Division;
import cn.hunan.mma.simulator.reference.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixGeneratorTest {

    private static final Area TIANXIN = Area.parse("430103");
    private static HospitalMatrix province;

    @BeforeAll
    static void generate() {
        province = MatrixGenerator.generate(MatrixOptions.defaults(42));
    }

    @Test
    void same_seed_writes_byte_identical_directories(@TempDir Path first, @TempDir Path second) throws Exception {
        MatrixDirectory.write(first, AreaMatrix.of(province, TIANXIN), "test");
        MatrixDirectory.write(second, AreaMatrix.of(MatrixGenerator.generate(MatrixOptions.defaults(42)), TIANXIN), "test");
        assertThat(digests(second)).isEqualTo(digests(first)).containsKeys(MatrixFiles.INSTITUTIONS, MatrixFiles.ALLIANCES,
                MatrixFiles.SPECIALTIES, MatrixFiles.GUIDANCE_CATALOGUE, MatrixDirectory.DEPARTMENTS);
    }

    @Test
    void another_seed_writes_a_different_matrix(@TempDir Path first, @TempDir Path second) throws Exception {
        MatrixDirectory.write(first, AreaMatrix.of(province, TIANXIN), "test");
        MatrixDirectory.write(second, AreaMatrix.of(MatrixGenerator.generate(MatrixOptions.defaults(43)), TIANXIN), "test");
        assertThat(digests(second).get(MatrixFiles.INSTITUTIONS)).isNotEqualTo(digests(first).get(MatrixFiles.INSTITUTIONS));
        assertThat(digests(second).get(MatrixDirectory.DEPARTMENTS)).isNotEqualTo(digests(first).get(MatrixDirectory.DEPARTMENTS));
    }

    @Test
    void a_district_has_a_clinic_per_community_a_centre_per_street_and_three_county_hospitals() {
        MatrixCounts counts = MatrixCounts.of(AreaMatrix.of(province, TIANXIN));
        ReferenceData data = ReferenceData.bundled();
        long communities = data.villages().stream().filter(v -> v.code().startsWith("430103")).count();
        long streets = data.divisions().stream().filter(d -> d.parentCode().equals("430103")).count();
        assertThat(counts.institutionsInArea().get(Level.VILLAGE)).isEqualTo((int) communities);
        assertThat(counts.institutionsInArea().get(Level.TOWNSHIP)).isEqualTo((int) streets);
        assertThat(counts.institutionsInArea().get(Level.COUNTY)).isEqualTo(3);
        int provincial = counts.institutionsInArea().get(Level.PROVINCE) + counts.partnersOutside().get(Level.PROVINCE);
        assertThat(provincial).isEqualTo(11);
        assertThat(counts.population()).isEqualTo(data.census().get("430103").population());
    }

    @Test
    void one_clinic_serves_n_villages_of_a_township() {
        HospitalMatrix grouped = MatrixGenerator.generate(new MatrixOptions(42, 3, 50, MatrixOptions.DEFAULT_AS_OF));
        Map<String, Long> villagesPerTownship = ReferenceData.bundled().villages().stream()
                .filter(v -> v.code().startsWith("430382"))
                .collect(Collectors.groupingBy(Division::parentCode, Collectors.counting()));
        long expected = villagesPerTownship.values().stream().mapToLong(n -> (n + 2) / 3).sum();
        long clinics = grouped.institutions().stream()
                .filter(i -> i.level() == Level.VILLAGE && i.countyCode().equals("430382")).count();
        assertThat(clinics).isEqualTo(expected);
    }

    @Test
    void the_province_has_tens_of_thousands_of_institutions_mostly_village_clinics() {
        MatrixCounts counts = MatrixCounts.of(AreaMatrix.of(province, Area.province()));
        assertThat(counts.population()).isEqualTo(66_444_864L);
        assertThat(counts.institutionsInArea().get(Level.VILLAGE)).isEqualTo(29_534);
        assertThat(counts.institutionsInArea().get(Level.TOWNSHIP)).isBetween(1_950, 2_010);
        assertThat(counts.institutionsInArea().get(Level.COUNTY)).isEqualTo(122 * 3);
        assertThat(counts.institutionsInArea().get(Level.CITY)).isBetween(14 * 4, 14 * 7);
        assertThat(counts.institutionsInArea().get(Level.PROVINCE)).isEqualTo(11);
        assertThat(counts.partnersOutsideTotal()).isZero();
        int closeKnit = counts.alliances().get(AllianceKind.COUNTY_COMMUNITY) + counts.alliances().get(AllianceKind.CITY_GROUP);
        assertThat(closeKnit).isBetween(100, 400);
        assertThat(counts.alliances().get(AllianceKind.SPECIALTY_ALLIANCE)).isEqualTo(50);
    }

    @Test
    void every_township_is_covered_by_exactly_one_close_knit_alliance() {
        Map<String, Integer> cover = new TreeMap<>();
        for (Alliance alliance : province.alliances()) {
            if (alliance.closeKnit()) {
                for (String division : alliance.coveredDivisions()) {
                    for (County county : province.geography().counties()) {
                        for (Township township : county.townships()) {
                            if (township.code().startsWith(division)) {
                                cover.merge(township.code(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        long townships = province.geography().counties().stream().mapToLong(c -> c.townships().size()).sum();
        assertThat(cover).hasSize((int) townships);
        assertThat(cover.values()).containsOnly(1);
    }

    @Test
    void every_id_an_exported_alliance_names_is_exported_and_leads_are_members() {
        AreaMatrix area = AreaMatrix.of(province, Area.parse("430300"));
        Set<String> exported = new HashSet<>(area.institutions().stream().map(Institution::id).toList());
        for (Alliance alliance : area.alliances()) {
            assertThat(exported).as(alliance.id()).containsAll(alliance.memberIds()).contains(alliance.leadId())
                    .containsAll(alliance.collaboratingTertiaryIds());
            assertThat(alliance.memberIds()).contains(alliance.leadId());
        }
        for (County county : area.counties()) {
            assertThat(exported).containsAll(province.network(county.code()).institutions().stream().map(Institution::id).toList());
        }
    }

    @Test
    void county_communities_are_led_by_their_county_general_hospital() {
        Alliance community = province.alliances().stream().filter(a -> a.id().equals("CC-430321")).findFirst().orElseThrow();
        assertThat(community.kind()).isEqualTo(AllianceKind.COUNTY_COMMUNITY);
        assertThat(community.leadId()).isEqualTo("430321H0001");
        assertThat(province.institution("430321H0001").orElseThrow().name()).isEqualTo("湘潭县人民医院");
    }

    @Test
    void written_records_read_back_through_the_contract_codec(@TempDir Path directory) {
        AreaMatrix area = AreaMatrix.of(province, TIANXIN);
        MatrixDirectory.write(directory, area, "test");
        assertThat(MatrixFiles.institutions(directory)).hasSize(area.institutions().size());
        assertThat(MatrixFiles.alliances(directory)).hasSize(area.alliances().size());
        assertThat(MatrixFiles.specialties(directory))
                .hasSize(area.institutions().stream().mapToInt(i -> i.departments().size()).sum());
        List<GuidanceCatalogueEntry> catalogue = MatrixFiles.guidanceCatalogue(directory);
        assertThat(catalogue).isNotEmpty().allSatisfy(entry -> assertThat(entry.catalogueVersion()).contains("synthetic"));
    }

    @Test
    void the_guidance_catalogue_says_it_is_synthetic_and_keeps_common_diseases_low(@TempDir Path directory) throws IOException {
        MatrixDirectory.write(directory, AreaMatrix.of(province, TIANXIN), "test");
        assertThat(Files.readAllLines(directory.resolve(MatrixDirectory.GUIDANCE_CATALOGUE_CSV)).get(0)).startsWith("# SYNTHETIC");
        GuidanceCatalogue catalogue = province.catalogue();
        assertThat(catalogue.isPrimaryLevelDisease("I10")).isTrue();
        assertThat(catalogue.lowestInpatientLevel("I10")).isEqualTo(Level.TOWNSHIP);
        assertThat(catalogue.lowestInpatientLevel("C92")).isEqualTo(Level.PROVINCE);
        assertThat(catalogue.lowestInpatientLevel("C34")).isEqualTo(Level.CITY);
    }

    static Map<String, String> digests(Path directory) throws IOException, NoSuchAlgorithmException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                digests.put(file.getFileName().toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
