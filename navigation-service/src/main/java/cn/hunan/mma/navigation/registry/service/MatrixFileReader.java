package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one {@code .jsonl} matrix file with the contract codec. A bad line (not UTF-8, or refused by
 * the codec) is recorded and skipped, never fatal; of several lines with the same id only the first is kept, since a file states one
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
        Utf8Lines lines;
        try {
            lines = Utf8Lines.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line instanceof Utf8Lines.Undecodable undecodable) {
                rejected.add(new RejectedRow(fileName, line.number(), Utf8Lines.MALFORMED_ENCODING, undecodable.detail()));
                continue;
            }
            String text = ((Utf8Lines.Text) line).text();
            if (text.isBlank()) {
                continue;
            }
            DecodeResult<S> decoded = codec.decode(text.getBytes(StandardCharsets.UTF_8), table.snapshotType());
            if (decoded instanceof DecodeResult.Rejected<S> refusal) {
                rejected.add(rejection(table, fileName, line.number(), refusal, text));
                continue;
            }
            S snapshot = decoded.orElseThrow();
            if (!seen.add(table.primaryKey().apply(snapshot))) {
                rejected.add(new RejectedRow(fileName, line.number(), MatrixRules.DUPLICATE_ID,
                        "the id already appeared earlier in the file; the first occurrence was kept"));
                continue;
            }
            rows.add(new NumberedSnapshot<>(line.number(), snapshot));
        }
        return new MatrixFileContent<>(rows, rejected);
    }

    /** The codec's refusal, or for an institution's implausible coordinates the registry's reason for them. */
    private static RejectedRow rejection(RegistryTable<?, ?> table, String fileName, int line, DecodeResult.Rejected<?> refusal,
                                         String text) {
        Optional<RuleViolation> implausible = table == RegistryTable.INSTITUTIONS
                ? StatedCoordinates.problemBehind(refusal, text) : Optional.empty();
        return implausible.map(violation -> new RejectedRow(fileName, line, violation.reason(),
                        "$." + violation.field() + ": " + violation.detail()))
                .orElseGet(() -> new RejectedRow(fileName, line, refusal.reason().name(), refusal.path() + ": " + refusal.message()));
    }
}
