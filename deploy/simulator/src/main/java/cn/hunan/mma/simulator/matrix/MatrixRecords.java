package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The contract records of an area's matrix, as navigation-service publishes them on the compacted
 * matrix topics. Event ids are name-based UUIDs of (seed, record kind, entity), so the same matrix
 * always carries the same ids, and a re-publication replaces rather than duplicates.
 */
public final class MatrixRecords {

    private final AreaMatrix area;
    private final long seed;
    private final Instant asOf;

    public MatrixRecords(AreaMatrix area) {
        this.area = area;
        this.seed = area.matrix().options().seed();
        this.asOf = area.matrix().options().asOf();
    }

    public List<InstitutionSnapshot> institutions() {
        List<InstitutionSnapshot> records = new ArrayList<>();
        for (Institution institution : area.institutions()) {
            records.add(new InstitutionSnapshot(id("institution", institution.id()), asOf,
                    InstitutionId.of(institution.id()), institution.name(), institution.level(), institution.kind(),
                    DivisionCode.of(institution.divisionCode()), institution.location().latitudeDecimal(),
                    institution.location().longitudeDecimal(),
                    area.allianceIdsOf(institution).stream().map(AllianceId::of).toList(), true));
        }
        return records;
    }

    public List<AllianceSnapshot> alliances() {
        List<AllianceSnapshot> records = new ArrayList<>();
        for (Alliance alliance : area.alliances()) {
            records.add(new AllianceSnapshot(id("alliance", alliance.id()), asOf, AllianceId.of(alliance.id()),
                    alliance.name(), alliance.kind(), InstitutionId.of(alliance.leadId()),
                    alliance.memberIds().stream().map(InstitutionId::of).toList(),
                    alliance.coveredDivisions().stream().map(DivisionCode::of).toList(),
                    alliance.collaboratingTertiaryIds().stream().map(InstitutionId::of).toList()));
        }
        return records;
    }

    /** One per department, ordered by institution then department id (the topic key's order). */
    public List<SpecialtySnapshot> specialties() {
        List<SpecialtySnapshot> records = new ArrayList<>();
        for (Institution institution : area.institutions()) {
            List<Department> departments = new ArrayList<>(institution.departments());
            departments.sort(Comparator.comparing(Department::id));
            for (Department department : departments) {
                records.add(new SpecialtySnapshot(id("specialty", institution.id() + ":" + department.id()), asOf,
                        InstitutionId.of(institution.id()), DepartmentId.of(department.id()), department.name(),
                        department.tag()));
            }
        }
        return records;
    }

    public List<GuidanceCatalogueEntry> guidanceCatalogue() {
        List<GuidanceCatalogueEntry> records = new ArrayList<>();
        for (GuidanceCatalogue.Entry entry : area.matrix().catalogue().entries()) {
            records.add(new GuidanceCatalogueEntry(id("guidance", entry.category()), asOf, Icd10Code.of(entry.category()),
                    entry.lowestInpatientLevel(), entry.primaryLevelDisease(), GuidanceCatalogue.VERSION));
        }
        return records;
    }

    private EventId id(String kind, String entity) {
        String name = "mma-simulator/matrix/" + seed + "/" + kind + "/" + entity;
        return EventId.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }
}
