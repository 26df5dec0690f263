package cn.hunan.mma.simulator.io;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The matrix directory format that navigation-service imports and the oracle reads: one file per
 * matrix topic, plain UTF-8, one contract record per line as the codec writes it (the same JSON
 * that goes on the compacted matrix topics), in a stable order (by id) so two runs with the same
 * seed produce identical files.
 *
 * <pre>
 * institutions.jsonl        InstitutionSnapshot
 * alliances.jsonl           AllianceSnapshot
 * specialties.jsonl         SpecialtySnapshot
 * guidance-catalogue.jsonl  GuidanceCatalogueEntry
 * </pre>
 * The generator may add further documented files beside them (e.g. departments' beds and slots).
 */
public final class MatrixFiles {

    public static final String INSTITUTIONS = "institutions.jsonl";
    public static final String ALLIANCES = "alliances.jsonl";
    public static final String SPECIALTIES = "specialties.jsonl";
    public static final String GUIDANCE_CATALOGUE = "guidance-catalogue.jsonl";

    private MatrixFiles() {
    }

    public static void write(Path file, Collection<? extends ContractRecord> records) {
        ContractCodec codec = ContractCodec.standard();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (ContractRecord record : records) {
                    out.write(new String(codec.encode(record), StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<InstitutionSnapshot> institutions(Path directory) {
        return read(directory.resolve(INSTITUTIONS), InstitutionSnapshot.class);
    }

    public static List<AllianceSnapshot> alliances(Path directory) {
        return read(directory.resolve(ALLIANCES), AllianceSnapshot.class);
    }

    public static List<SpecialtySnapshot> specialties(Path directory) {
        return read(directory.resolve(SPECIALTIES), SpecialtySnapshot.class);
    }

    public static List<GuidanceCatalogueEntry> guidanceCatalogue(Path directory) {
        return read(directory.resolve(GUIDANCE_CATALOGUE), GuidanceCatalogueEntry.class);
    }

    /** Reads every line; a line that is not a valid record of the type fails with its line number. */
    public static <T extends ContractRecord> List<T> read(Path file, Class<T> type) {
        ContractCodec codec = ContractCodec.standard();
        List<T> records = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                DecodeResult<T> result = codec.decode(line.getBytes(StandardCharsets.UTF_8), type);
                if (result instanceof DecodeResult.Rejected<T> rejected) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": " + rejected.reason()
                            + " at " + rejected.path() + ": " + rejected.message());
                }
                records.add(result.orElseThrow());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return records;
    }
}
