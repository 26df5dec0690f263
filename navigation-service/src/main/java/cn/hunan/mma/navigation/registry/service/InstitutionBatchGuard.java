package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.registry.domain.InstitutionPlacement;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * An import batch of institutions: their rows locked in the registry's order ({@link RegistryLocks}), as an operator's
 * alliance edit locks the alliance's institutions, and a line that moves or re-levels a registered institution refused
 * when that would break a live alliance naming it that the import does not restate ({@link ImportScope#restates}: a
 * line the row already holds, or one refused whatever the registry holds, restates nothing) — the operator API's 409,
 * with the broken rule's reason; a line retiring one refused while a live alliance, as the import leaves it, names it
 * ({@code INSTITUTION_RETIRED}, since 2026-11-25 (8)). Alliances the import restates are judged by their own lines afterwards
 * ({@link AllianceBatchGuard}): judged against them as stored, a directory moving a clinic and dropping it from its
 * alliance, or re-coding a whole county community, was refused line by line, again on every re-import. Before
 * 2026-11-25 (7) the importer read the rows without a lock and did not ask: beside an alliance edit holding a member,
 * it waited only to write, then moved the member the edit had just checked out of the alliance's city.
 */
final class InstitutionBatchGuard implements BatchGuard<InstitutionSnapshot, InstitutionEntity> {

    private final ImportScope scope;

    InstitutionBatchGuard(ImportScope scope) {
        this.scope = scope;
    }

    @Override
    public Uni<Guarded<InstitutionEntity>> guard(Mutiny.Session session, RegistryTable<InstitutionSnapshot, InstitutionEntity> table,
                                                 List<InstitutionSnapshot> batch) {
        return RegistryLocks.institutions(session, batch.stream().map(line -> line.institutionId().value()).toList())
                .chain(locked -> {
                    Map<String, InstitutionEntity> byId = new HashMap<>();
                    locked.forEach(row -> byId.put(row.id(), row));
                    List<InstitutionSnapshot> moved = new ArrayList<>();
                    List<InstitutionSnapshot> retiring = new ArrayList<>();
                    batch.forEach(line -> {
                        InstitutionEntity row = byId.get(line.institutionId().value());
                        if (row == null) {
                            return;
                        }
                        boolean moves = row.placedElsewhereBy(line);
                        boolean retires = row.active() && !line.active();
                        if (moves || retires) {
                            scope.replaced(row.id());
                        }
                        if (moves) {
                            moved.add(line);
                        }
                        if (retires) {
                            retiring.add(line);
                        }
                    });
                    // Judged before any row is changed: the checks' queries would flush a changed row first.
                    return refusals(session, moved, retiring).map(refused -> new Guarded<>(locked, refused));
                });
    }

    /**
     * The live alliances naming any moved or retiring line read once; a retiring line refused while one of them, as the
     * import leaves it ({@link ImportScope#asLeft}), still names the institution — the operator API's retirement is
     * refused the same way (it was retired before 2026-11-25 (8)); a moved line judged against those the import does not
     * restate.
     */
    private Uni<Map<Object, RuleViolation>> refusals(Mutiny.Session session, List<InstitutionSnapshot> moved,
                                                     List<InstitutionSnapshot> retiring) {
        if (moved.isEmpty() && retiring.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> replaced = new ArrayList<>();
        moved.forEach(line -> replaced.add(line.institutionId().value()));
        retiring.forEach(line -> replaced.add(line.institutionId().value()));
        return AllianceReferences.liveNamingAny(session, replaced).chain(alliances -> {
            Map<Object, RuleViolation> refused = new HashMap<>(retirementRefusals(retiring,
                    alliances.stream().map(scope::asLeft).toList()));
            List<InstitutionSnapshot> movedStill = moved.stream().filter(line -> !refused.containsKey(line.institutionId().value())).toList();
            return moveRefusals(session, movedStill, alliances.stream().filter(alliance -> !scope.restates(alliance))
                    .map(AllianceReferences::snapshot).toList())
                    .map(byMove -> {
                        refused.putAll(byMove);
                        return refused;
                    });
        });
    }

    private static Map<Object, RuleViolation> retirementRefusals(List<InstitutionSnapshot> retiring, List<AllianceSnapshot> alliances) {
        Map<InstitutionId, List<AllianceSnapshot>> naming = byNamed(alliances);
        Map<Object, RuleViolation> refused = new HashMap<>();
        for (InstitutionSnapshot line : retiring) {
            InstitutionId id = line.institutionId();
            AllianceReferences.firstNamingRetired(naming.getOrDefault(id, List.of()), id)
                    .ifPresent(broken -> refused.put(id.value(), refusal(broken)));
        }
        return refused;
    }

    /**
     * The moved lines judged together: their institutions' placements read once, then each line against the alliances
     * naming it, itself where the line puts it and the others as stored.
     */
    private static Uni<Map<Object, RuleViolation>> moveRefusals(Mutiny.Session session, List<InstitutionSnapshot> moved,
                                                                List<AllianceSnapshot> judged) {
        if (moved.isEmpty() || judged.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return placements(session, judged).map(found -> {
            Map<InstitutionId, List<AllianceSnapshot>> naming = byNamed(judged);
            Map<Object, RuleViolation> refused = new HashMap<>();
            for (InstitutionSnapshot line : moved) {
                InstitutionId id = line.institutionId();
                AllianceReferences.firstBroken(naming.getOrDefault(id, List.of()), id, new InstitutionPlacement(line.level(), line.divisionCode()), found)
                        .ifPresent(broken -> refused.put(id.value(), refusal(broken)));
            }
            return refused;
        });
    }

    /** The line refused with the rule the alliance would break, reported on the line's field that rule reads. */
    private static RuleViolation refusal(AllianceReferences.BrokenAlliance broken) {
        return new RuleViolation(changedInput(broken.violation()), broken.violation().reason(),
                "the change would break " + broken.describe() + "; change the alliance first");
    }

    /**
     * The line's field the broken rule reads: the retired-institution rule reads {@code active}, the partners' rule the
     * level, the city rules the division (a line changing both was reported under {@code $.divisionCode} before
     * 2026-11-25 (7), whatever rule it broke).
     */
    private static String changedInput(RuleViolation broken) {
        return switch (broken.reason()) {
            case MatrixRules.INSTITUTION_RETIRED -> "active";
            case MatrixRules.PARTNER_NOT_TERTIARY -> "level";
            default -> "divisionCode";
        };
    }

    /** Each named institution's alliances, in the alliances' order: one pass over the members, not one per moved line. */
    private static Map<InstitutionId, List<AllianceSnapshot>> byNamed(List<AllianceSnapshot> alliances) {
        Map<InstitutionId, List<AllianceSnapshot>> naming = new HashMap<>();
        alliances.forEach(alliance -> new HashSet<>(AllianceReferences.named(List.of(alliance)))
                .forEach(id -> naming.computeIfAbsent(id, any -> new ArrayList<>()).add(alliance)));
        return naming;
    }

    /** The named institutions' placements, a statement per {@value RegistryLocks#SLICE} ids. */
    private static Uni<AllianceReferences.Placements> placements(Mutiny.Session session, List<AllianceSnapshot> alliances) {
        List<String> named = AllianceReferences.named(alliances).stream().map(InstitutionId::value).toList();
        return Multi.createFrom().iterable(RegistryLocks.slices(named))
                .onItem().transformToUniAndConcatenate(slice -> AllianceReferences.placements(session,
                        slice.stream().map(InstitutionId::of).toList()))
                .collect().in(() -> new AllianceReferences.Placements(new HashMap<>(), new HashSet<>()), (all, slice) -> {
                    all.placed().putAll(slice.placed());
                    all.retired().addAll(slice.retired());
                });
    }
}
