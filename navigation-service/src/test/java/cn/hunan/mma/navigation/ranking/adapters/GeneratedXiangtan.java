package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.navigation.ranking.TreatingRange;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.navigation.registry.service.MatrixFileReader;
import cn.hunan.mma.navigation.registry.service.NumberedSnapshot;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.MatrixDirectory;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.reference.Area;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The simulator's 湘潭 (430300, seed 42) matrix as the recommender sees it once imported: generated
 * in-process, written in the simulator's directory format and read back through the registry's file
 * reader, with the diagnosis → department ranges the registry seeds ({@code V2__diagnosis_department.sql},
 * read from the migration itself). Real departments: township centres have general and internal
 * medicine, never cardiology. Built once per test JVM (a few seconds).
 */
public final class GeneratedXiangtan {

    private static final String SEEDING_MIGRATION = "/db/migration/V2__diagnosis_department.sql";
    private static final Pattern SEEDED_RANGE = Pattern.compile("\\('([A-Z]\\d\\d)', '([A-Z]\\d\\d)', '([a-z-]+)'");
    private static RegistryMatrixView view;

    private GeneratedXiangtan() {
    }

    public static synchronized RegistryMatrixView view() {
        if (view == null) {
            view = generate();
        }
        return view;
    }

    private static RegistryMatrixView generate() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("generated-xiangtan");
            AreaMatrix area = AreaMatrix.of(MatrixGenerator.generate(MatrixOptions.defaults(42)), Area.parse("430300"));
            MatrixDirectory.write(directory, area, "deploy/simulate matrix --area 430300 --seed 42 --out DIR");
            MatrixFileReader reader = new MatrixFileReader(ContractCodec.standard());
            List<InstitutionSnapshot> institutions = snapshots(reader, directory, RegistryTable.INSTITUTIONS);
            List<SpecialtySnapshot> specialties = snapshots(reader, directory, RegistryTable.SPECIALTIES);
            List<GuidanceCatalogueEntry> catalogue = snapshots(reader, directory, RegistryTable.GUIDANCE_CATALOGUE);
            return new RegistryMatrixView(institutions, specialties, catalogue, seededRanges(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(directory);
        }
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TreatingRange> seededRanges() throws IOException {
        try (InputStream migration = GeneratedXiangtan.class.getResourceAsStream(SEEDING_MIGRATION)) {
            String sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8);
            return SEEDED_RANGE.matcher(sql).results()
                    .map(row -> new TreatingRange(row.group(1), row.group(2), DepartmentId.of(row.group(3))))
                    .toList();
        }
    }

    private static <S extends MatrixSnapshot> List<S> snapshots(MatrixFileReader reader, Path directory,
                                                                RegistryTable<S, ?> table) {
        var content = reader.read(directory, table);
        if (!content.rejected().isEmpty()) {
            throw new IllegalStateException(table.file().fileName() + " has rejected rows: " + content.rejected());
        }
        return content.rows().stream().map(NumberedSnapshot::snapshot).toList();
    }
}
