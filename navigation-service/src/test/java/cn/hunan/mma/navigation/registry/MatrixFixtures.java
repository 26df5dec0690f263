package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.AllianceId;
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
import java.util.concurrent.ThreadLocalRandom;

/** Hand-built matrix records and directories in the simulator's format (one codec JSON record per line). */
final class MatrixFixtures {

    static final Instant PUBLISHED_AT = Instant.parse("2025-01-02T01:00:00Z");

    private MatrixFixtures() {
    }

    /** A suffix that keeps one test's ids apart from another's in the shared database and topics. */
    static String uniqueSuffix() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static InstitutionSnapshot institution(String id, String division, String... allianceIds) {
        return new InstitutionSnapshot(EventId.random(), PUBLISHED_AT, InstitutionId.of(id), "医院 " + id,
                Level.COUNTY, InstitutionKind.GENERAL, DivisionCode.of(division),
                new BigDecimal("27.78"), new BigDecimal("112.95"),
                List.of(allianceIds).stream().map(AllianceId::of).toList(), true);
    }

    /** An institution of that level (the others are county hospitals). */
    static InstitutionSnapshot at(String id, Level level, String division) {
        InstitutionSnapshot county = institution(id, division);
        return new InstitutionSnapshot(county.eventId(), county.occurredAt(), county.institutionId(), county.name(), level,
                county.kind(), county.divisionCode(), county.latitude(), county.longitude(), county.allianceIds(), true);
    }

    static InstitutionSnapshot retired(InstitutionSnapshot institution) {
        return new InstitutionSnapshot(institution.eventId(), institution.occurredAt(), institution.institutionId(),
                institution.name(), institution.level(), institution.kind(), institution.divisionCode(), institution.latitude(),
                institution.longitude(), institution.allianceIds(), false);
    }

    static InstitutionSnapshot renamed(InstitutionSnapshot institution, String newName) {
        return new InstitutionSnapshot(EventId.random(), PUBLISHED_AT.plusSeconds(60), institution.institutionId(),
                newName, institution.level(), institution.kind(), institution.divisionCode(), institution.latitude(),
                institution.longitude(), institution.allianceIds(), institution.active());
    }

    /** The institution as a member of these alliances (its statement of membership, the contract's other side). */
    static InstitutionSnapshot inAlliances(InstitutionSnapshot institution, String... allianceIds) {
        return new InstitutionSnapshot(institution.eventId(), institution.occurredAt(), institution.institutionId(),
                institution.name(), institution.level(), institution.kind(), institution.divisionCode(), institution.latitude(),
                institution.longitude(), List.of(allianceIds).stream().map(AllianceId::of).toList(), institution.active());
    }

    static AllianceSnapshot alliance(String id, String leadId, String... otherMemberIds) {
        List<InstitutionId> members = new ArrayList<>();
        members.add(InstitutionId.of(leadId));
        List.of(otherMemberIds).forEach(member -> members.add(InstitutionId.of(member)));
        return new AllianceSnapshot(EventId.random(), PUBLISHED_AT, AllianceId.of(id), "医共体 " + id,
                AllianceKind.COUNTY_COMMUNITY, InstitutionId.of(leadId), members, List.of(DivisionCode.of("430321")),
                List.of());
    }

    /** The alliance with these collaborating tertiary hospitals. */
    static AllianceSnapshot withPartners(AllianceSnapshot alliance, String... partnerIds) {
        return new AllianceSnapshot(alliance.eventId(), alliance.occurredAt(), alliance.allianceId(), alliance.name(),
                alliance.kind(), alliance.leadInstitutionId(), alliance.memberIds(), alliance.coveredDivisions(),
                List.of(partnerIds).stream().map(InstitutionId::of).toList());
    }

    /** The alliance covering these divisions instead. */
    static AllianceSnapshot covering(AllianceSnapshot alliance, String... divisions) {
        return new AllianceSnapshot(alliance.eventId(), alliance.occurredAt(), alliance.allianceId(), alliance.name(),
                alliance.kind(), alliance.leadInstitutionId(), alliance.memberIds(),
                List.of(divisions).stream().map(DivisionCode::of).toList(), alliance.collaboratingTertiaryIds());
    }

    static AllianceSnapshot ofKind(AllianceSnapshot alliance, AllianceKind kind) {
        return new AllianceSnapshot(alliance.eventId(), alliance.occurredAt(), alliance.allianceId(), alliance.name(),
                kind, alliance.leadInstitutionId(), alliance.memberIds(), alliance.coveredDivisions(),
                alliance.collaboratingTertiaryIds());
    }

    static SpecialtySnapshot specialty(String institutionId, String departmentId) {
        return new SpecialtySnapshot(EventId.random(), PUBLISHED_AT, InstitutionId.of(institutionId),
                DepartmentId.of(departmentId), "心血管内科", SpecialtyTag.KEY);
    }

    /** The specialty under a new name, published later with a new event id. */
    static SpecialtySnapshot renamed(SpecialtySnapshot specialty, String newName) {
        return new SpecialtySnapshot(EventId.random(), PUBLISHED_AT.plusSeconds(60), specialty.institutionId(),
                specialty.departmentId(), newName, specialty.tag());
    }

    static GuidanceCatalogueEntry guidanceEntry(String icd10Prefix) {
        return new GuidanceCatalogueEntry(EventId.random(), PUBLISHED_AT, Icd10Code.of(icd10Prefix), Level.TOWNSHIP,
                true, "test-2025.1");
    }

    /** A file's bytes from lines each in the encoding the test chose (one not UTF-8, say), each ended by {@code lineEnd}. */
    static byte[] lines(String lineEnd, byte[]... lines) {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        for (byte[] line : lines) {
            file.writeBytes(line);
            file.writeBytes(lineEnd.getBytes(StandardCharsets.US_ASCII));
        }
        return file.toByteArray();
    }

    /** Builds a matrix directory line by line, so tests can put hostile lines among good ones. */
    static final class Directory {

        private final Path root;
        private final List<String> institutions = new ArrayList<>();
        private final List<String> alliances = new ArrayList<>();
        private final List<String> specialties = new ArrayList<>();
        private final List<String> guidance = new ArrayList<>();

        Directory(Path root) {
            this.root = root;
        }

        Directory institutions(ContractRecord... records) {
            for (ContractRecord record : records) {
                institutions.add(json(record));
            }
            return this;
        }

        Directory institutionLine(String rawJson) {
            institutions.add(rawJson);
            return this;
        }

        Directory alliances(ContractRecord... records) {
            for (ContractRecord record : records) {
                alliances.add(json(record));
            }
            return this;
        }

        Directory specialties(ContractRecord... records) {
            for (ContractRecord record : records) {
                specialties.add(json(record));
            }
            return this;
        }

        Directory guidance(ContractRecord... records) {
            for (ContractRecord record : records) {
                guidance.add(json(record));
            }
            return this;
        }

        Path write() {
            try {
                Files.createDirectories(root);
                Files.write(root.resolve("institutions.jsonl"), institutions, StandardCharsets.UTF_8);
                Files.write(root.resolve("alliances.jsonl"), alliances, StandardCharsets.UTF_8);
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
}
