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
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Collection;
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

        /** Where the rows stand (rows the caller holds locked, so that nobody moves them before it commits). */
        static Placements of(Collection<InstitutionEntity> rows) {
            Map<InstitutionId, InstitutionPlacement> found = new HashMap<>();
            Set<InstitutionId> retired = new HashSet<>();
            rows.forEach(row -> {
                InstitutionId id = InstitutionId.of(row.id());
                found.put(id, new InstitutionPlacement(row.level(), row.divisionCode()));
                if (!row.active()) {
                    retired.add(id);
                }
            });
            return new Placements(found, retired);
        }

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
     * under PostgreSQL's 65,535 bind parameters (slices of {@value RegistryLocks#SLICE}).
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
        return liveNamingAny(session, List.of(institutionId));
    }

    /**
     * The live alliances naming any of the institutions (at most a few thousand ids: one statement), by id, each once.
     * An import batch asks once for all its moved lines (before 2026-11-25 (7) it asked line by line, with the fellow
     * members' placements each time: moved lines × members when a county was re-coded).
     */
    static Uni<List<AllianceEntity>> liveNamingAny(Mutiny.Session session, Collection<String> institutionIds) {
        // A dissolved alliance still names its lead (the contract needs one) but holds no one.
        return session.createSelectionQuery("from AllianceEntity a where a.leadInstitutionId in :ids"
                        + " or exists (select m from AllianceEntity b join b.memberIds m where b = a and m in :ids)"
                        + " or exists (select p from AllianceEntity c join c.collaboratingTertiaryIds p where c = a and p in :ids)"
                        + " order by a.id", AllianceEntity.class)
                .setParameter("ids", List.copyOf(new HashSet<>(institutionIds)))
                .getResultList()
                .map(alliances -> alliances.stream().filter(alliance -> !alliance.dissolved()).toList());
    }

    /** The institutions the alliances name (lead, members, partners), for {@link #placements}. */
    static List<InstitutionId> named(Collection<AllianceSnapshot> alliances) {
        List<InstitutionId> referenced = new ArrayList<>();
        alliances.forEach(alliance -> {
            referenced.add(alliance.leadInstitutionId());
            referenced.addAll(alliance.memberIds());
            referenced.addAll(alliance.collaboratingTertiaryIds());
        });
        return referenced;
    }

    /** A live alliance an institution's new placement would break, and the alliance rule it would break. */
    record BrokenAlliance(String allianceId, RuleViolation violation) {

        /** For a message: "alliance CC-1 (OUTSIDE_ALLIANCE_CITY): …". */
        String describe() {
            return "alliance " + allianceId + " (" + violation.reason() + "): " + violation.detail();
        }
    }

    /**
     * The first live alliance naming the institution that its new placement would break, with the rule it breaks: a
     * member moved out of a close-knit alliance's city, a partner placed below the tertiary level (before 2026-11-25 (4)
     * an institution edit checked the institution's own rules only; helper-67). The operator API and the importer both
     * ask it, with the institution's row locked: an alliance edit naming it then either committed before (and is seen
     * here) or waits, and reads the new placement.
     */
    static Uni<Optional<BrokenAlliance>> brokenBy(Mutiny.Session session, InstitutionId institution, InstitutionPlacement moved) {
        return liveNaming(session, institution.value()).chain(alliances -> {
            if (alliances.isEmpty()) {
                return Uni.createFrom().item(Optional.<BrokenAlliance>empty());
            }
            List<AllianceSnapshot> snapshots = alliances.stream().map(AllianceReferences::snapshot).toList();
            return placements(session, named(snapshots)).map(found -> firstBroken(snapshots, institution, moved, found));
        });
    }

    /**
     * The first of the alliances that still names the institution once it is retired: the rule that a live alliance
     * names no retired institution ({@link Placements#problemOf}), by which the operator API's retirement is refused
     * (409 while a live alliance names it) and, since 2026-11-25 (8), an import line retiring it (it was retired).
     */
    static Optional<BrokenAlliance> firstNamingRetired(List<AllianceSnapshot> alliances, InstitutionId retiring) {
        Placements retired = new Placements(Map.of(), Set.of(retiring));
        for (AllianceSnapshot alliance : alliances) {
            Optional<RuleViolation> broken = retired.retiredProblem(alliance);
            if (broken.isPresent()) {
                return Optional.of(new BrokenAlliance(alliance.allianceId().value(), broken.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The first of the alliances (those naming the institution) that its new placement breaks, the others named where
     * {@code found} places them: one judgment for the operator API's move and an import batch's moved lines.
     */
    static Optional<BrokenAlliance> firstBroken(List<AllianceSnapshot> naming, InstitutionId institution, InstitutionPlacement moved,
                                                Placements found) {
        for (AllianceSnapshot alliance : naming) {
            Optional<BrokenAlliance> broken = MatrixRules.allianceProblem(alliance,
                            id -> Optional.ofNullable(id.equals(institution) ? moved : found.get(id)))
                    .map(violation -> new BrokenAlliance(alliance.allianceId().value(), violation));
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }
}
