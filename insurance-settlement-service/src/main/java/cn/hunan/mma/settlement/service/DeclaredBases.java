package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.budget.BudgetDecision;
import cn.hunan.mma.settlement.persistence.AllianceBudgetEntity;
import cn.hunan.mma.settlement.persistence.AllianceEntity;
import cn.hunan.mma.settlement.persistence.DeclaredBaseEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Declared bases (V28): the base spend an insurance officer declares for a budget year from the bureau's legacy
 * settlement system, where the base year predates the platform. A declaration or withdrawal adds a row; the latest
 * row of the alliance and year says what stands, and none changes once the year's budget is approved.
 */
@ApplicationScoped
public class DeclaredBases {

    // "BASE": a declaration and an approval of the same alliance and year take turns, so no approval publishes a
    // package whose base was replaced while it was being approved.
    private static final int LOCK_CLASS = 0x42415345;

    private final Mutiny.SessionFactory sessions;

    public DeclaredBases(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Every declaration and withdrawal of the alliance's base for the year, oldest first. */
    public Uni<List<DeclaredBaseEntity>> history(String allianceId, int year) {
        return sessions.withSession(session -> history(session, allianceId, year));
    }

    /** Declares the year's base spend, replacing the standing declaration (which stays in the history). */
    public Uni<List<DeclaredBaseEntity>> declare(AllianceEntity alliance, int year, Money baseSpend, String source, String actor,
                                                 Instant at) {
        return change(alliance, year, session -> session.persist(
                DeclaredBaseEntity.declared(alliance.id(), year, baseSpend, source, alliance.coveredDivisions(), actor, at)));
    }

    /** Withdraws the standing declaration: drafts are based on the platform's spend again. */
    public Uni<List<DeclaredBaseEntity>> withdraw(AllianceEntity alliance, int year, String actor, Instant at) {
        return change(alliance, year, session -> standing(session, alliance.id(), year).chain(standing -> {
            if (standing.isEmpty()) {
                throw new NoDeclaredBaseException("no declared base of " + alliance.id() + " " + year + " stands");
            }
            return session.persist(DeclaredBaseEntity.withdrawn(alliance.id(), year, actor, at));
        }));
    }

    private Uni<List<DeclaredBaseEntity>> change(AllianceEntity alliance, int year,
                                                 Function<Mutiny.Session, Uni<Void>> write) {
        // The refusals a draft meets: a specialty or dissolved alliance has no package to base.
        NotBudgetHoldingException.refuseUnlessBudgetHolding(alliance);
        BudgetService.refuseIfDissolved(alliance, year);
        return sessions.withTransaction((session, tx) -> lock(session, alliance.id(), year)
                .chain(() -> session.find(AllianceBudgetEntity.class, new AllianceBudgetEntity.Key(alliance.id(), year)))
                .chain(budget -> {
                    if (budget != null && BudgetDecision.toDraft(budget.status()) instanceof BudgetDecision.AlreadyApproved) {
                        throw new BudgetConflictException(alliance.id() + " " + year + " is already approved: its base is "
                                + "frozen with the package");
                    }
                    return write.apply(session);
                })
                .chain(session::flush)
                .chain(() -> history(session, alliance.id(), year)));
    }

    /** The declaration standing for the alliance and year: its latest row, when that row declares. */
    static Uni<Optional<DeclaredBaseEntity>> standing(Mutiny.Session session, String allianceId, int year) {
        return session.createSelectionQuery("from DeclaredBaseEntity where allianceId = :alliance and year = :year "
                        + "order by id desc", DeclaredBaseEntity.class)
                .setParameter("alliance", allianceId).setParameter("year", year)
                .setMaxResults(1).getResultList()
                .map(latest -> latest.stream().filter(row -> row.declaration().isPresent()).findFirst());
    }

    /** Held to commit by a declaration, a withdrawal and an approval of the alliance's year. */
    static Uni<Void> lock(Mutiny.Session session, String allianceId, int year) {
        return session.createNativeQuery("SELECT count(pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(:key)))")
                .setParameter("key", allianceId + "/" + year).getSingleResult().replaceWithVoid();
    }

    private static Uni<List<DeclaredBaseEntity>> history(Mutiny.Session session, String allianceId, int year) {
        return session.createSelectionQuery("from DeclaredBaseEntity where allianceId = :alliance and year = :year order by id",
                        DeclaredBaseEntity.class)
                .setParameter("alliance", allianceId).setParameter("year", year).getResultList();
    }
}
