package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes a small matrix in the simulator's directory format for the registry importer. */
final class NavigationMatrixDirectory {

    private static final Instant REGISTERED = Instant.parse("2025-01-02T01:00:00Z");

    private final List<String> institutions = new ArrayList<>();
    private final List<String> specialties = new ArrayList<>();
    private final List<String> guidance = new ArrayList<>();

    NavigationMatrixDirectory hospital(String id, Level level, String division, String latitude, String longitude,
                                       String departmentId, SpecialtyTag tag) {
        institutions.add(json(new InstitutionSnapshot(EventId.random(), REGISTERED, InstitutionId.of(id), "医院 " + id,
                level, InstitutionKind.GENERAL, DivisionCode.of(division), new BigDecimal(latitude),
                new BigDecimal(longitude), List.of(), true)));
        specialties.add(json(new SpecialtySnapshot(EventId.random(), REGISTERED, InstitutionId.of(id),
                DepartmentId.of(departmentId), "神经内科", tag)));
        return this;
    }

    NavigationMatrixDirectory catalogue(String icd10Prefix, Level lowestInpatientLevel) {
        guidance.add(json(new GuidanceCatalogueEntry(EventId.random(), REGISTERED, Icd10Code.of(icd10Prefix),
                lowestInpatientLevel, false, "test-2025.1")));
        return this;
    }

    Path writeTo(Path root) {
        try {
            Files.createDirectories(root);
            Files.write(root.resolve("institutions.jsonl"), institutions, StandardCharsets.UTF_8);
            Files.write(root.resolve("alliances.jsonl"), List.of(), StandardCharsets.UTF_8);
            Files.write(root.resolve("specialties.jsonl"), specialties, StandardCharsets.UTF_8);
            Files.write(root.resolve("guidance-catalogue.jsonl"), guidance, StandardCharsets.UTF_8);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(ContractRecord record) {
        return new String(ContractCodec.standard().encode(record), StandardCharsets.UTF_8);
    }
}
