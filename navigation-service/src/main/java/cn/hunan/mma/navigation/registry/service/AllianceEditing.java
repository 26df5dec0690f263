package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.domain.InstitutionPlacement;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operators' changes to alliances, checked by the alliance rules ({@link MatrixRules#allianceProblem}, the reserved
 * dissolution shape, no retired institution: {@link AllianceReferences.Placements#problemOf}, which the importer
 * applies too) and the caller's
 * scope (every division the alliance touches — its lead's, its members', the ones it covers — before
 * and after), versioned like institutions (see {@link InstitutionEditing}). Membership has two
 * sides in the contract: an alliance lists its members and each institution its alliances. So an
 * alliance change also republishes, in the same transaction, every institution that joins or
 * leaves it, with its alliance ids corrected; consumers rebuild both sides from the topics.
 */
@ApplicationScoped
public class AllianceEditing {

    private final RegistryWrites writes;
    private final Clock clock = Clock.systemUTC();

    public AllianceEditing(RegistryWrites writes) {
        this.writes = writes;
    }

    /** Forms a new alliance; 409 when the id is taken. The snapshot's event id and time are replaced. */
    public Uni<AllianceEntity> form(AllianceSnapshot draft, Caller caller) {
        String id = draft.allianceId().value();
        AllianceSnapshot snapshot = restamped(draft, clock.instant());
        return writes.transaction(session -> session.find(AllianceEntity.class, id).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(new RegistryConflictException("alliance " + id + " already exists"));
                    }
                    AllianceEntity row = AllianceEntity.from(snapshot);
                    return lockReferenced(session, List.of(), snapshot)
                            .chain(() -> check(session, snapshot, caller))
                            .chain(() -> session.persistAll(row, outbox(snapshot)))
                            .chain(() -> syncMembers(session, id, List.of(), snapshot.memberIds()))
                            .replaceWith(row);
                }))
                .onFailure(ConstraintViolationException.class)
                .transform(e -> new RegistryConflictException("alliance " + id + " already exists"));
    }

    /** Replaces the alliance's make-up; an unchanged one publishes nothing. */
    public Uni<AllianceEntity> revise(AllianceSnapshot draft, ExpectedVersion expectedVersion, Caller caller) {
        String id = draft.allianceId().value();
        AllianceSnapshot snapshot = restamped(draft, clock.instant());
        return writes.transaction(session -> session.find(AllianceEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(new NotFoundException("no alliance " + id));
                    }
                    List<InstitutionId> before = row.memberIds().stream().map(InstitutionId::of).toList();
                    // Locked before the caller's reach is judged by where the members stand: a member moved to another
                    // city meanwhile was judged where it stood, and an operator of the old city changed it (helper-85).
                    return lockReferenced(session, before, snapshot)
                            .chain(() -> requireCurrent(session, row, expectedVersion, caller))
                            .chain(() -> check(session, snapshot, caller))
                            .chain(() -> {
                                if (row.holds(snapshot)) {
                                    return Uni.createFrom().item(row);
                                }
                                row.apply(snapshot);
                                return session.persist(outbox(snapshot))
                                        .chain(() -> syncMembers(session, id, before, snapshot.memberIds()))
                                        .replaceWith(row);
                            });
                }));
    }

    /**
     * Dissolves the alliance (published as {@link AllianceDissolution} describes) and republishes
     * every member, the lead included, without it; an already dissolved alliance publishes nothing.
     * Scope and version are checked as for a revision.
     */
    public Uni<AllianceEntity> dissolve(String id, ExpectedVersion expectedVersion, Caller caller) {
        return writes.transaction(session -> session.find(AllianceEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(new NotFoundException("no alliance " + id));
                    }
                    List<InstitutionId> before = row.memberIds().stream().map(InstitutionId::of).toList();
                    // As for a revision: the members locked before the caller's reach is judged by where they stand.
                    return lockReferenced(session, before, AllianceReferences.snapshot(row))
                            .chain(() -> requireCurrent(session, row, expectedVersion, caller)).chain(() -> {
                        if (row.dissolved()) {
                            return Uni.createFrom().item(row);
                        }
                        AllianceSnapshot snapshot = AllianceDissolution.of(AllianceReferences.snapshot(row), EventId.random(), clock.instant());
                        row.apply(snapshot);
                        return session.persist(outbox(snapshot))
                                .chain(() -> syncMembers(session, id, before, List.of()))
                                .replaceWith(row);
                    });
                }));
    }

    private Uni<Void> requireCurrent(Mutiny.Session session, AllianceEntity row, ExpectedVersion expectedVersion, Caller caller) {
        List<InstitutionId> touched = new ArrayList<>(row.memberIds().stream().map(InstitutionId::of).toList());
        return AllianceReferences.placements(session, touched).map(found -> {
            List<DivisionCode> divisions = new ArrayList<>(row.coveredDivisions());
            found.placed().values().forEach(placement -> divisions.add(placement.division()));
            requireChange(caller, row.id(), divisions);
            if (!expectedVersion.matches(row.lastEventId())) {
                throw new StaleVersionException("alliance " + row.id());
            }
            return null;
        });
    }

    /**
     * Locks every institution the edit reads or republishes — members before and after, lead, partners — before the
     * rules read where they stand: an institution edit locks its row too, so it cannot move or demote one between this
     * check and the commit (before 2026-11-25 (6) the placements were read without a lock, and an institution moved
     * meanwhile left a live close-knit alliance naming a member outside its city). One pass in the registry's lock
     * order ({@link RegistryLocks}, which the importer keeps too), so {@link #syncMembers} then finds its rows already
     * held, and no other writer waits on this edit in a cycle.
     */
    private static Uni<Void> lockReferenced(Mutiny.Session session, List<InstitutionId> before, AllianceSnapshot snapshot) {
        Set<String> referenced = new HashSet<>();
        before.forEach(id -> referenced.add(id.value()));
        snapshot.memberIds().forEach(id -> referenced.add(id.value()));
        referenced.add(snapshot.leadInstitutionId().value());
        snapshot.collaboratingTertiaryIds().forEach(id -> referenced.add(id.value()));
        return RegistryLocks.institutions(session, referenced).replaceWithVoid();
    }

    private Uni<Void> check(Mutiny.Session session, AllianceSnapshot snapshot, Caller caller) {
        List<InstitutionId> referenced = new ArrayList<>(snapshot.memberIds());
        referenced.add(snapshot.leadInstitutionId());
        referenced.addAll(snapshot.collaboratingTertiaryIds());
        return AllianceReferences.placements(session, referenced).map(found -> {
            found.problemOf(snapshot).ifPresent(violation -> {
                throw new RegistryRuleException(violation);
            });
            List<DivisionCode> divisions = new ArrayList<>(snapshot.coveredDivisions());
            snapshot.memberIds().forEach(member -> divisions.add(found.get(member).division()));
            requireChange(caller, snapshot.allianceId().value(), divisions);
            return null;
        });
    }

    private static void requireChange(Caller caller, String allianceId, List<DivisionCode> divisions) {
        divisions.forEach(division -> AccessPolicy.requireChange(caller, Jurisdiction.ofDivision(division),
                "alliance " + allianceId + " (it reaches " + division.value() + ")"));
    }

    /**
     * Institutions joining get the alliance id, those leaving lose it; each change is published. The
     * touched rows are read and locked a slice at a time, in the registry's lock order ({@link RegistryLocks}): a
     * county alliance of every village clinic touches thousands, and a read apiece was a round trip each, all nested
     * in one chain.
     */
    private Uni<Void> syncMembers(Mutiny.Session session, String allianceId, List<InstitutionId> before, List<InstitutionId> after) {
        Set<String> touched = new HashSet<>();
        before.forEach(id -> touched.add(id.value()));
        after.forEach(id -> touched.add(id.value()));
        Set<String> members = new HashSet<>();
        after.forEach(id -> members.add(id.value()));
        return Multi.createFrom().iterable(RegistryLocks.slices(touched))
                .onItem().transformToUniAndConcatenate(slice -> RegistryLocks.institutionSlice(session, slice)
                        .chain(institutions -> {
                            // Read under the lock: a retirement that committed after the check above is seen here.
                            institutions.stream().filter(institution -> members.contains(institution.id()) && !institution.active())
                                    .findFirst().ifPresent(institution -> {
                                        throw new RegistryRuleException(new RuleViolation("memberIds", MatrixRules.INSTITUTION_RETIRED,
                                                "institution " + institution.id() + " was retired meanwhile"));
                                    });
                            List<Object> changes = new ArrayList<>();
                            institutions.forEach(institution -> republished(institution, allianceId,
                                    members.contains(institution.id())).ifPresent(changes::add));
                            return session.persistAll(changes.toArray());
                        }))
                .collect().last().replaceWithVoid();
    }

    /** The institution with its alliance ids corrected and the outbox row that publishes it; none when already right. */
    private Optional<OutboxEventEntity> republished(InstitutionEntity institution, String allianceId, boolean member) {
        List<String> alliances = new ArrayList<>(institution.allianceIds());
        boolean altered = member ? !alliances.contains(allianceId) && alliances.add(allianceId) : alliances.remove(allianceId);
        if (!altered) {
            return Optional.empty();
        }
        InstitutionSnapshot snapshot = new InstitutionSnapshot(EventId.random(), clock.instant(),
                InstitutionId.of(institution.id()), institution.name(), institution.level(), institution.kind(),
                institution.divisionCode(), institution.latitude(), institution.longitude(),
                alliances.stream().map(AllianceId::of).toList(), institution.active());
        institution.apply(snapshot);
        return Optional.of(OutboxEventEntity.of(ContractOutboxEvents.of(Topics.INSTITUTIONS, snapshot)));
    }

    private static AllianceSnapshot restamped(AllianceSnapshot draft, Instant at) {
        return new AllianceSnapshot(EventId.random(), at, draft.allianceId(), draft.name(), draft.kind(),
                draft.leadInstitutionId(), draft.memberIds(), draft.coveredDivisions(), draft.collaboratingTertiaryIds());
    }

    private static OutboxEventEntity outbox(AllianceSnapshot snapshot) {
        return OutboxEventEntity.of(ContractOutboxEvents.of(Topics.ALLIANCES, snapshot));
    }
}
