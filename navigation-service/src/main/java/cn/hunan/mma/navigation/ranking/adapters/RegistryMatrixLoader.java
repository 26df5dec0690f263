package cn.hunan.mma.navigation.ranking.adapters;

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
import cn.hunan.mma.navigation.ranking.TreatingRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the whole registry (and its diagnosis → department ranges) into a {@link RegistryMatrixView}: three read-only projections in one
 * session. Projections rather than entities: no dirty checking, and no per-institution load of
 * the alliance collection, which the recommender does not use (snapshots carry no alliance ids).
 */
@ApplicationScoped
public class RegistryMatrixLoader {

    private static final String INSTITUTIONS = "select i.id, i.name, i.level, i.kind, i.divisionCode, i.latitude,"
            + " i.longitude, i.active, i.published.eventId, i.published.occurredAt from InstitutionEntity i";
    private static final String SPECIALTIES = "select s.institutionId, s.departmentId, s.name, s.tag,"
            + " s.published.eventId, s.published.occurredAt from SpecialtyEntity s";
    private static final String CATALOGUE = "select g.icd10Prefix, g.lowestInpatientLevel, g.primaryLevelDisease,"
            + " g.catalogueVersion, g.published.eventId, g.published.occurredAt from GuidanceCatalogueEntryEntity g";
    private static final String TREATING = "select icd10_from, icd10_to, department_id from diagnosis_department";

    private final Mutiny.SessionFactory sessions;
    private final Map<String, Set<DepartmentId>> treating;

    public RegistryMatrixLoader(Mutiny.SessionFactory sessions, NavigationSettings settings) {
        this.sessions = sessions;
        this.treating = settings.treating().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey,
                entry -> entry.getValue().stream().map(DepartmentId::of).collect(Collectors.toUnmodifiableSet())));
    }

    public Uni<RegistryMatrixView> load() {
        return sessions.withSession(session -> rows(session, INSTITUTIONS)
                .flatMap(institutions -> rows(session, SPECIALTIES)
                        .flatMap(specialties -> rows(session, CATALOGUE)
                                .flatMap(catalogue -> session.createNativeQuery(TREATING, Object[].class).getResultList()
                                        .map(ranges -> new RegistryMatrixView(
                                                institutions.stream().map(RegistryMatrixLoader::institution).toList(),
                                                specialties.stream().map(RegistryMatrixLoader::specialty).toList(),
                                                catalogue.stream().map(RegistryMatrixLoader::catalogueEntry).toList(),
                                                ranges.stream().map(RegistryMatrixLoader::treatingRange).toList(),
                                                treating))))));
    }

    private static Uni<List<Object[]>> rows(Mutiny.Session session, String query) {
        return session.createSelectionQuery(query, Object[].class).setReadOnly(true).getResultList();
    }

    private static TreatingRange treatingRange(Object[] row) {
        return new TreatingRange((String) row[0], (String) row[1], DepartmentId.of((String) row[2]));
    }

    private static InstitutionSnapshot institution(Object[] row) {
        return new InstitutionSnapshot(EventId.of((UUID) row[8]), (Instant) row[9], InstitutionId.of((String) row[0]),
                (String) row[1], (Level) row[2], (InstitutionKind) row[3], DivisionCode.of((String) row[4]),
                (BigDecimal) row[5], (BigDecimal) row[6], List.of(), (Boolean) row[7]);
    }

    private static SpecialtySnapshot specialty(Object[] row) {
        return new SpecialtySnapshot(EventId.of((UUID) row[4]), (Instant) row[5], InstitutionId.of((String) row[0]),
                DepartmentId.of((String) row[1]), (String) row[2], (SpecialtyTag) row[3]);
    }

    private static GuidanceCatalogueEntry catalogueEntry(Object[] row) {
        return new GuidanceCatalogueEntry(EventId.of((UUID) row[4]), (Instant) row[5], Icd10Code.of((String) row[0]),
                (Level) row[1], (Boolean) row[2], (String) row[3]);
    }
}
