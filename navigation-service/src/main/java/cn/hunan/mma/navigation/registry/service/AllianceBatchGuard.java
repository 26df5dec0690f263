package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An import batch of alliances, held to the operator API's alliance rules ({@link AllianceReferences.Placements#problemOf})
 * with the institutions they name where they stand under a lock: the alliance rows first, then those institutions, in
 * the registry's order — as an operator's alliance edit takes them. An institution edit moving one of them meanwhile
 * either committed before (and the line is judged where it put it) or waits, and then finds the alliance. Before
 * 2026-11-25 (7) the placements were read before the batch, without a lock.
 * <p>
 * A line its stored row already holds (the upserter's "unchanged") is judged — and its institutions locked — only when
 * this import re-placed one of them ({@link ImportScope}): otherwise it writes nothing and nothing it names has moved
 * under it here, and locking the ~32,000 institutions a province's alliances name, on a re-import that changes nothing,
 * held every operator edit in the province for the while.
 */
final class AllianceBatchGuard implements BatchGuard<AllianceSnapshot, AllianceEntity> {

    private final ImportScope scope;

    AllianceBatchGuard(ImportScope scope) {
        this.scope = scope;
    }

    @Override
    public Uni<Guarded<AllianceEntity>> guard(Mutiny.Session session, RegistryTable<AllianceSnapshot, AllianceEntity> table,
                                              List<AllianceSnapshot> batch) {
        return RegistryLocks.alliances(session, batch.stream().map(alliance -> alliance.allianceId().value()).toList())
                .chain(existing -> {
                    Map<String, AllianceEntity> stored = new HashMap<>();
                    existing.forEach(row -> stored.put(row.id(), row));
                    List<AllianceSnapshot> judged = batch.stream().filter(line -> toJudge(line, stored.get(line.allianceId().value()))).toList();
                    Set<String> named = new HashSet<>();
                    AllianceReferences.named(judged).forEach(id -> named.add(id.value()));
                    return RegistryLocks.institutions(session, named).map(locked -> {
                        AllianceReferences.Placements found = AllianceReferences.Placements.of(locked);
                        Map<Object, RuleViolation> refused = new HashMap<>();
                        // The reserved shape among the rules: a file cannot dissolve an alliance, consumers would read the row as one.
                        judged.forEach(alliance -> found.problemOf(alliance)
                                .ifPresent(violation -> refused.put(alliance.allianceId().value(), violation)));
                        return new Guarded<>(existing, refused);
                    });
                });
    }

    private boolean toJudge(AllianceSnapshot line, AllianceEntity row) {
        return row == null || !row.holds(line)
                || AllianceReferences.named(List.of(line)).stream().map(InstitutionId::value).anyMatch(scope::replaces);
    }
}
