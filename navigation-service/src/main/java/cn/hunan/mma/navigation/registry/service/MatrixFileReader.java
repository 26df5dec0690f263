package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one {@code .jsonl} matrix file with the contract codec. A bad line is recorded and skipped,
 * never fatal; of several lines with the same id only the first is kept, since a file states one
 * state per entity and there is no telling which of two conflicting states is meant.
 */
public final class MatrixFileReader {

    private final ContractCodec codec;

    public MatrixFileReader(ContractCodec codec) {
        this.codec = codec;
    }

    /** An absent file reads as empty: a directory may carry only some of the four kinds. */
    public <S extends MatrixSnapshot> MatrixFileContent<S> read(Path directory, RegistryTable<S, ?> table) {
        Path file = directory.resolve(table.file().fileName());
        if (!Files.isRegularFile(file)) {
            return new MatrixFileContent<>(List.of(), List.of());
        }
        List<NumberedSnapshot<S>> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        String fileName = table.file().fileName();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                DecodeResult<S> decoded = codec.decode(line.getBytes(StandardCharsets.UTF_8), table.snapshotType());
                if (decoded instanceof DecodeResult.Rejected<S> refusal) {
                    rejected.add(new RejectedRow(fileName, lineNumber, refusal.reason().name(),
                            refusal.path() + ": " + refusal.message()));
                    continue;
                }
                S snapshot = decoded.orElseThrow();
                if (!seen.add(table.primaryKey().apply(snapshot))) {
                    rejected.add(new RejectedRow(fileName, lineNumber, MatrixRules.DUPLICATE_ID,
                            "the id already appeared earlier in the file; the first occurrence was kept"));
                    continue;
                }
                rows.add(new NumberedSnapshot<>(lineNumber, snapshot));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        return new MatrixFileContent<>(rows, rejected);
    }
}
