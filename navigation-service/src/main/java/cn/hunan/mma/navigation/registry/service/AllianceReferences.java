package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.domain.InstitutionPlacement;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.ReservedAllianceShape;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What alliances and the institutions they name tell each other: where the referenced institutions stand, which live
 * alliances name an institution, and whether a change to an institution would break one of them.
 */
final class AllianceReferences {

    private AllianceReferences() {
    }

    /** Where each referenced institution is, and which of them are retired. */
    record Placements(Map<InstitutionId, InstitutionPlacement> placed, Set<InstitutionId> retired) {

        InstitutionPlacement get(InstitutionId id) {
            return placed.get(id);
        }

        boolean registered(InstitutionId id) {
            return placed.containsKey(id);
        }

        /**
         * The first rule the alliance breaks with its institutions where they stand: {@link MatrixRules#allianceProblem},
         * then the shape reserved for dissolutions, then a retired institution named. One definition for the operator
         * API and the importer (before 2026-11-25 (5) the importer checked only that lead and members were registered).
         */
        Optional<RuleViolation> problemOf(AllianceSnapshot alliance) {
            return MatrixRules.allianceProblem(alliance, id -> Optional.ofNullable(placed.get(id)))
                    .or(() -> ReservedAllianceShape.problem(alliance))
                    .or(() -> retiredProblem(alliance));
        }

        /**
         * A live alliance names no retired institution, as lead, member or partner: retiring one it names is refused, and
         * forming or revising one with a retired institution is refused the same way (it was accepted before 2026-11-25 (4),
         * and the retired hospital was republished as the alliance's member; helper-67).
         */
        private Optional<RuleViolation> retiredProblem(AllianceSnapshot alliance) {
            List<InstitutionId> named = new ArrayList<>(alliance.memberIds());
            named.add(alliance.leadInstitutionId());
            named.addAll(alliance.collaboratingTertiaryIds());
            List<String> namedRetired = named.stream().filter(retired::contains).map(InstitutionId::value).distinct().sorted().toList();
            if (namedRetired.isEmpty()) {
                return Optional.empty();
            }
            String field = retired.contains(alliance.leadInstitutionId()) ? "leadInstitutionId"
                    : alliance.memberIds().stream().anyMatch(retired::contains) ? "memberIds" : "collaboratingTertiaryIds";
            return Optional.of(new RuleViolation(field, MatrixRules.INSTITUTION_RETIRED,
                    "retired institutions " + namedRetired + " cannot be named by a live alliance"));
        }
    }

    /**
     * Where the referenced institutions stand, as far as they are registered. One statement: callers keep the list well
     * under PostgreSQL's 65,535 bind parameters ({@link RegisteredInstitutions} cuts an import's into chunks).
     */
    static Uni<Placements> placements(Mutiny.Session session, List<InstitutionId> ids) {
        return session.createSelectionQuery("select i.id, i.level, i.divisionCode, i.active from InstitutionEntity i where i.id in :ids",
                        Object[].class)
                .setParameter("ids", ids.stream().map(InstitutionId::value).distinct().toList())
                .getResultList()
                .map(rows -> {
                    Map<InstitutionId, InstitutionPlacement> found = new HashMap<>();
                    Set<InstitutionId> retired = new HashSet<>();
                    rows.forEach(row -> {
                        InstitutionId id = InstitutionId.of((String) row[0]);
                        found.put(id, new InstitutionPlacement((Level) row[1], DivisionCode.of((String) row[2])));
                        if (!(Boolean) row[3]) {
                            retired.add(id);
                        }
                    });
                    return new Placements(found, retired);
                });
    }

    /** The alliance as its row holds it. */
    static AllianceSnapshot snapshot(AllianceEntity row) {
        return new AllianceSnapshot(EventId.of(row.lastEventId()), row.published().occurredAt(), AllianceId.of(row.id()),
                row.name(), row.kind(), InstitutionId.of(row.leadInstitutionId()),
                row.memberIds().stream().map(InstitutionId::of).toList(), row.coveredDivisions(),
                row.collaboratingTertiaryIds().stream().map(InstitutionId::of).toList());
    }

    /** The live alliances naming the institution as lead, member or collaborating partner, by id. */
    static Uni<List<AllianceEntity>> liveNaming(Mutiny.Session session, String institutionId) {
        // A dissolved alliance still names its lead (the contract needs one) but holds no one.
        return session.createSelectionQuery("from AllianceEntity a where a.leadInstitutionId = :id"
                        + " or :id member of a.memberIds or :id member of a.collaboratingTertiaryIds order by a.id", AllianceEntity.class)
                .setParameter("id", institutionId)
                .getResultList()
                .map(alliances -> alliances.stream().filter(alliance -> !alliance.dissolved()).toList());
    }

    /**
     * The first live alliance naming the institution that its new placement would break, with the rule it breaks: a
     * member moved out of a close-knit alliance's city, a partner placed below the tertiary level (before 2026-11-25 (4)
     * an institution edit checked the institution's own rules only; helper-67).
     */
    static Uni<Optional<String>> brokenBy(Mutiny.Session session, InstitutionId institution, InstitutionPlacement moved) {
        return liveNaming(session, institution.value()).chain(alliances -> {
            if (alliances.isEmpty()) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            List<AllianceSnapshot> snapshots = alliances.stream().map(AllianceReferences::snapshot).toList();
            List<InstitutionId> referenced = new ArrayList<>();
            snapshots.forEach(alliance -> {
                referenced.add(alliance.leadInstitutionId());
                referenced.addAll(alliance.memberIds());
                referenced.addAll(alliance.collaboratingTertiaryIds());
            });
            return placements(session, referenced).map(found -> {
                for (AllianceSnapshot alliance : snapshots) {
                    Optional<String> broken = MatrixRules.allianceProblem(alliance,
                                    id -> Optional.ofNullable(id.equals(institution) ? moved : found.get(id)))
                            .map(violation -> "alliance " + alliance.allianceId().value() + " (" + violation.reason() + "): "
                                    + violation.detail());
                    if (broken.isPresent()) {
                        return broken;
                    }
                }
                return Optional.<String>empty();
            });
        });
    }
}
