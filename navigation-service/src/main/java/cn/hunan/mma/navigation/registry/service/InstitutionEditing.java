package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.registry.domain.InstitutionDraft;
import cn.hunan.mma.navigation.registry.domain.InstitutionPlacement;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.PlausibleCoordinates;
import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Operators' changes to institutions. Each change is checked against {@link MatrixRules} (the
 * importer's rules) and the caller's scope — before and after, so a city operator can neither
 * touch nor move an institution out of its city — and written with its outbox event in one
 * transaction. The version is the id of the snapshot last published for the row: an edit names
 * the version it was made on (If-Match), and the row is locked while it is compared, so of two
 * operators editing the same version one wins and the other gets {@link StaleVersionException}.
 * {@code If-Match: *} edits whatever version is current ({@link ExpectedVersion}).
 */
@ApplicationScoped
public class InstitutionEditing {

    private final RegistryWrites writes;
    private final Clock clock = Clock.systemUTC();

    public InstitutionEditing(RegistryWrites writes) {
        this.writes = writes;
    }

    /** Registers a new institution (with no alliances yet); 409 when the id is taken. */
    public Uni<InstitutionEntity> register(InstitutionDraft draft, Caller caller) {
        requirePlausibleCoordinates(draft);
        InstitutionSnapshot snapshot = draft.snapshot(List.of(), true, EventId.random(), clock.instant());
        check(snapshot, caller);
        String id = draft.institutionId().value();
        return writes.transaction(session -> session.find(InstitutionEntity.class, id)
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(new RegistryConflictException("institution " + id + " is already registered"));
                            }
                            InstitutionEntity row = InstitutionEntity.from(snapshot);
                            return session.persistAll(row, outbox(snapshot)).replaceWith(row);
                        }))
                // Two registrations of one id racing past the lookup: the primary key decides.
                .onFailure(ConstraintViolationException.class)
                .transform(e -> new RegistryConflictException("institution " + id + " is already registered"));
    }

    /** Replaces what the operator states about the institution; an unchanged statement publishes nothing. */
    public Uni<InstitutionEntity> revise(InstitutionDraft draft, ExpectedVersion expectedVersion, Caller caller) {
        requirePlausibleCoordinates(draft);
        String id = draft.institutionId().value();
        return writes.transaction(session -> current(session, id, expectedVersion, caller).chain(row -> {
            InstitutionSnapshot snapshot = draft.snapshot(ids(row), row.active(), EventId.random(), clock.instant());
            check(snapshot, caller);
            if (row.holds(snapshot)) {
                return Uni.createFrom().item(row);
            }
            Uni<Optional<AllianceReferences.BrokenAlliance>> broken = row.placedElsewhereBy(snapshot) ? AllianceReferences.brokenBy(session, snapshot.institutionId(),
                    new InstitutionPlacement(snapshot.level(), snapshot.divisionCode())) : Uni.createFrom().item(Optional.empty());
            return broken.chain(why -> why.isPresent()
                    ? Uni.createFrom().failure(new RegistryConflictException("institution " + id + ": the change would break "
                            + why.get().describe() + "; change the alliance first"))
                    : publish(session, row, snapshot));
        }));
    }

    /**
     * Retires the institution: it is kept (for history, as the contract says) and published with
     * {@code active = false}. Refused while a live alliance still names it: the alliance must drop it first
     * (or be dissolved).
     */
    public Uni<InstitutionEntity> retire(String id, ExpectedVersion expectedVersion, Caller caller) {
        return writes.transaction(session -> current(session, id, expectedVersion, caller)
                .chain(row -> AllianceReferences.liveNaming(session, id).chain(alliances -> {
                    if (!alliances.isEmpty()) {
                        // Partners too since 2026-11-25 (4): the alliance topic named a retired partner (helper-67).
                        return Uni.createFrom().failure(new RegistryConflictException("institution " + id
                                + " is still the lead, a member or a collaborating partner of "
                                + String.join(", ", alliances.stream().map(AllianceEntity::id).toList())
                                + "; remove it from those alliances first"));
                    }
                    if (!row.active()) {
                        return Uni.createFrom().item(row);
                    }
                    InstitutionDraft same = new InstitutionDraft(InstitutionId.of(id), row.name(),
                            row.level(), row.kind(), row.divisionCode(), row.latitude(), row.longitude());
                    return publish(session, row, same.snapshot(ids(row), false, EventId.random(), clock.instant()));
                })));
    }

    /**
     * The locked row at the expected version, within the caller's reach. A missing row is 404 whatever If-Match says,
     * {@code *} included: PUT and DELETE here never create, and RFC 9110 §13.2.1 puts that answer before preconditions.
     */
    private Uni<InstitutionEntity> current(Mutiny.Session session, String id, ExpectedVersion expectedVersion, Caller caller) {
        return session.find(InstitutionEntity.class, id, LockModeType.PESSIMISTIC_WRITE).map(row -> {
            if (row == null) {
                throw new NotFoundException("no institution " + id);
            }
            AccessPolicy.requireChange(caller, jurisdiction(row.id(), row.divisionCode(), row.allianceIds()), "institution " + id);
            if (!expectedVersion.matches(row.lastEventId())) {
                throw new StaleVersionException("institution " + id);
            }
            return row;
        });
    }

    /**
     * Before the snapshot is built: the contract refuses a latitude beyond ±90 in its own words ("between -90 and 90"),
     * which hides the usual slip, a swapped pair; the registry's check names it (and runs again in {@link #check}).
     */
    private static void requirePlausibleCoordinates(InstitutionDraft draft) {
        PlausibleCoordinates.problem(draft.latitude(), draft.longitude()).ifPresent(violation -> {
            throw new RegistryRuleException(violation);
        });
    }

    private static void check(InstitutionSnapshot snapshot, Caller caller) {
        MatrixRules.institutionProblem(snapshot).ifPresent(violation -> {
            throw new RegistryRuleException(violation);
        });
        AccessPolicy.requireChange(caller, jurisdiction(snapshot.institutionId().value(), snapshot.divisionCode(),
                snapshot.allianceIds().stream().map(AllianceId::value).toList()), "institution " + snapshot.institutionId());
    }

    private static Jurisdiction jurisdiction(String id, DivisionCode division, List<String> alliances) {
        return Jurisdiction.ofInstitution(id, division, Set.copyOf(alliances));
    }

    private static Uni<InstitutionEntity> publish(Mutiny.Session session, InstitutionEntity row, InstitutionSnapshot snapshot) {
        row.apply(snapshot); // managed: flushed at commit
        return session.persist(outbox(snapshot)).replaceWith(row);
    }

    private static OutboxEventEntity outbox(InstitutionSnapshot snapshot) {
        return OutboxEventEntity.of(ContractOutboxEvents.of(Topics.INSTITUTIONS, snapshot));
    }

    private static List<AllianceId> ids(InstitutionEntity row) {
        return row.allianceIds().stream().map(AllianceId::of).toList();
    }
}
