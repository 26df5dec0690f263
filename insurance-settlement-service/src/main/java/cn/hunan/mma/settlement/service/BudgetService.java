package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import cn.hunan.mma.platform.security.OutOfScopeException;
import cn.hunan.mma.settlement.domain.budget.BudgetDecision;
import cn.hunan.mma.settlement.domain.budget.BudgetInputs;
import cn.hunan.mma.settlement.domain.budget.BudgetParameters;
import cn.hunan.mma.settlement.domain.budget.BudgetStatus;
import cn.hunan.mma.settlement.domain.budget.DeclaredBase;
import cn.hunan.mma.settlement.domain.budget.FactorAdjustmentRule;
import cn.hunan.mma.settlement.domain.budget.PackageBudget;
import cn.hunan.mma.settlement.domain.budget.ProvisionalDip;
import cn.hunan.mma.settlement.domain.budget.VisitSpend;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import cn.hunan.mma.settlement.persistence.AllianceBudgetEntity;
import cn.hunan.mma.settlement.persistence.AllianceEntity;
import cn.hunan.mma.settlement.persistence.DeclaredBaseEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alliance package totals (总额): a draft computed from last year's settled cases of the covered
 * population, recomputed on request until an insurance officer approves the version they reviewed;
 * the approval and its {@code AllianceBudgetApproved} outbox row are written in one transaction.
 */
@ApplicationScoped
public class BudgetService {

    private final Mutiny.SessionFactory sessions;
    private final ParameterService parameters;
    private final SpendService spending;
    private final boolean fourEyes;
    private final Clock clock = Clock.systemUTC();

    public BudgetService(Mutiny.SessionFactory sessions, ParameterService parameters, SpendService spending,
                         @ConfigProperty(name = "mma.settlement.budget.four-eyes", defaultValue = "true") boolean fourEyes) {
        this.sessions = sessions;
        this.parameters = parameters;
        this.spending = spending;
        this.fourEyes = fourEyes;
    }

    public Uni<Void> remember(AllianceSnapshot snapshot) {
        return sessions.withTransaction((session, tx) -> session.find(AllianceEntity.class, snapshot.allianceId().value())
                .chain(row -> {
                    if (row == null) {
                        return session.persist(AllianceEntity.of(snapshot));
                    }
                    row.apply(snapshot);
                    return Uni.createFrom().voidItem();
                })
                .chain(() -> AllianceMakeups.record(session, snapshot)));
    }

    /** The alliance as the matrix last stated it, or empty when it has not. */
    public Uni<Optional<AllianceEntity>> findAlliance(String allianceId) {
        return sessions.withSession(session -> session.find(AllianceEntity.class, allianceId)).map(Optional::ofNullable);
    }

    /** Whether the alliance's budget of the year is approved. */
    public Uni<Boolean> isApproved(String allianceId, int year) {
        return sessions.withSession(session -> find(session, allianceId, year))
                .map(row -> row != null && row.status() == BudgetStatus.APPROVED);
    }

    /** The year's budget, or a 404. */
    public Uni<AllianceBudgetEntity> budget(String allianceId, int year) {
        return sessions.withSession(session -> find(session, allianceId, year)).map(row -> present(row, allianceId, year));
    }

    /** The alliance's approved budget of the year, for a close: its package and the rules it was drafted under; 409 when none is approved. */
    public Uni<AllianceBudgetEntity> approved(String allianceId, int year) {
        return sessions.withSession(session -> find(session, allianceId, year)).map(row -> {
            if (row == null || row.status() != BudgetStatus.APPROVED) {
                throw new NoApprovedBudgetException("no approved budget for " + allianceId + " " + year
                        + ": approve one, or give packageTotal in the close request");
            }
            return row;
        });
    }

    /**
     * Computes (or recomputes) the draft for {@code year} from the spend of {@code year − 1}: the fund-paid
     * amounts of every non-superseded settled case and outpatient visit of a resident of a covered division,
     * wherever treated (out-of-area care is charged against the package) — or, while a declared base of the year
     * stands ({@link DeclaredBases}), the declared figure, with the platform's sum kept beside it.
     */
    /** @param at when the draft is computed, by the budget calendar's clock (the one its approval is judged by) */
    public Uni<AllianceBudgetEntity> draft(AllianceEntity alliance, int year, Money carveOuts, SignedMoney factorAdjustment,
                                           String actor, Instant at) {
        NotBudgetHoldingException.refuseUnlessBudgetHolding(alliance);
        refuseIfDissolved(alliance, year);
        rulesDivision(alliance);
        int baseYear = year - 1;
        // The base year's spend as a year-end close of it counts its actual spend. Read before the draft's transaction:
        // a draft may be recomputed at will.
        Period base = Period.ofYear(baseYear);
        LocalDate until = LocalDate.of(year, 1, 1);
        return spending.actualSpend(alliance.coveredDivisions(), base, until)
                .chain(spend -> spending.provisionalDip(alliance.coveredDivisions(), base, until)
                        .chain(provisional -> draft(alliance, year, baseYear, spend, provisional, carveOuts, factorAdjustment,
                                actor, at)));
    }

    private Uni<AllianceBudgetEntity> draft(AllianceEntity alliance, int year, int baseYear, SpendService.Spend spend,
                                            ProvisionalDip provisional, Money carveOuts, SignedMoney factorAdjustment,
                                            String actor, Instant at) {
        return sessions.withTransaction((session, tx) -> find(session, alliance.id(), year).chain(existing -> {
            if (existing != null && BudgetDecision.toDraft(existing.status()) instanceof BudgetDecision.AlreadyApproved) {
                throw new BudgetConflictException(alliance.id() + " " + year + " is already approved");
            }
            // A declared base (the bureau's legacy figure for a base year before go-live) replaces the platform's sum;
            // everything downstream of the base is computed as from the platform's.
            return DeclaredBases.standing(session, alliance.id(), year).chain(declared -> {
                Optional<DeclaredBase> declaredBase = declared.flatMap(DeclaredBaseEntity::declaration);
                declaredBase.ifPresent(base -> refuseIfForOtherDivisions(base, alliance));
                Money baseSpend = declaredBase.map(DeclaredBase::baseSpend).orElse(spend.amount());
                // The parameters in force on 1 January of the budget year, in the area of the alliance's (first) division.
                return parameters.inForce(session, rulesDivision(alliance), LocalDate.of(year, 1, 1))
                        .chain(rules -> (factorAdjustment != null ? Uni.createFrom().item(typed(factorAdjustment, baseSpend, rules))
                                : factorAdjustment(session, alliance.id(), baseYear, baseSpend, rules))
                        .chain(adjustment -> {
                            PackageBudget budget = compute(new BudgetInputs(baseSpend, carveOuts, adjustment), rules.parameters().budget());
                            AllianceBudgetEntity row = existing != null ? existing : new AllianceBudgetEntity(alliance.id(), year);
                            row.draft(budget, baseYear, spend.cases(), new VisitSpend(spend.outpatient(), spend.visits()),
                                    alliance.coveredDivisions(), rules.versionId(), actor, at);
                            row.basedOn(declared, spend.amount());
                            // The officer sees what the base holds at provisional DIP prices: the clearing will change it.
                            row.provisionalDip(provisional);
                            return (existing != null ? Uni.createFrom().voidItem() : session.persist(row))
                                    .chain(session::flush).replaceWith(row);
                        }));
            });
        }));
    }

    /**
     * A declared figure is the spend of the residents of the divisions the alliance covered when it was declared; once
     * the matrix has added or taken one it is no base for the alliance, and a draft on it would pass approval's check
     * that the draft counted the divisions the alliance covers (the draft records today's) — helper-124.
     */
    private static void refuseIfForOtherDivisions(DeclaredBase base, AllianceEntity alliance) {
        if (!base.counts(alliance.coveredDivisions())) {
            throw new DeclaredBaseOutdatedException("the base " + base.baseSpend().toYuanString() + " declared by "
                    + base.declaredBy() + " is the spend of the residents of " + base.coveredDivisions() + "; the alliance covers "
                    + alliance.coveredDivisions().stream().sorted().toList() + " now: declare the base again for them, or withdraw it");
        }
    }

    /**
     * An adjustment the officer typed in: where the area has a factor method, within the cap the method's own
     * adjustment is held to (a typed figure is an override of the score's, not a way round the area's bound); where it
     * has none, as typed.
     */
    private static SignedMoney typed(SignedMoney adjustment, Money baseSpend, ParameterVersion rules) {
        beyondCap(adjustment, baseSpend, rules).ifPresent(why -> {
            throw new BadRequestException("factorAdjustment: " + why);
        });
        return adjustment;
    }

    /** Why an adjustment is beyond the cap of the rules' factor method, if it is (a computed one never is). */
    private static Optional<String> beyondCap(SignedMoney adjustment, Money baseSpend, ParameterVersion rules) {
        BudgetParameters parameters = rules.parameters().budget();
        FactorAdjustmentRule rule = parameters.factorMethod();
        Money grown = PackageBudget.grownSpend(baseSpend, parameters);
        if (rule == null || rule.allows(adjustment, grown)) {
            return Optional.empty();
        }
        return Optional.of(adjustment.toYuanString() + " is beyond the factor method's cap of ±" + rule.capToTheFen(grown).toPlainString()
                + " (capRate " + rule.capRate().toPlainString() + " of the grown spend " + grown.toYuanString()
                + ") under the rules " + rules.versionId());
    }

    /**
     * The factor method's adjustment (因素法) from the alliance's stored composite score of the base
     * year, by the area's rule: what an officer no longer types in. 400 when the area's rules have
     * no factor method (the draft must then give the adjustment), 409 when no score is stored yet.
     */
    private static Uni<SignedMoney> factorAdjustment(Mutiny.Session session, String allianceId, int baseYear, Money baseSpend,
                                                     ParameterVersion rules) {
        BudgetParameters parameters = rules.parameters().budget();
        FactorAdjustmentRule rule = parameters.factorMethod();
        if (rule == null) {
            throw new BadRequestException("factorAdjustment: required, since the rules " + rules.versionId()
                    + " have no factor method to compute it from the alliance's score");
        }
        return session.createSelectionQuery("select composite from CompositeScoreEntity where period = :period "
                        + "and entityKind = :kind and entityId = :alliance", BigDecimal.class)
                .setParameter("period", Period.ofYear(baseYear).toString())
                .setParameter("kind", ScoredEntityKind.ALLIANCE.name())
                .setParameter("alliance", allianceId)
                .getResultList()
                .map(scores -> {
                    if (scores.isEmpty()) {
                        throw new NoScoreYetException("no composite score of " + allianceId + " for " + baseYear
                                + " is stored yet: the factor adjustment cannot be computed (or give factorAdjustment)");
                    }
                    return rule.adjustment(PackageBudget.grownSpend(baseSpend, parameters), scores.get(0));
                });
    }

    /**
     * Approves the draft the officer reviewed ({@code quotedVersion}); a second approval of the year
     * is a conflict, a changed draft is stale. Approvals (and declarations of the year's base) take the year's
     * {@link DeclaredBases#lock}, so a second approval waits for the first and finds the year approved; the
     * optimistic lock still catches a draft recomputed meanwhile.
     */
    /**
     * @param lateReportsIn from when the base year's late reports are in, by the budget calendar's clock (which stamps
     *                      drafts): a draft computed before is not approved
     */
    public Uni<AllianceBudgetEntity> approve(AllianceEntity alliance, int year, int quotedVersion, String role, String actor,
                                             Instant lateReportsIn) {
        NotBudgetHoldingException.refuseUnlessBudgetHolding(alliance);
        // A draft left over from before the dissolution is not approved: the scorer would project a surplus for nobody.
        refuseIfDissolved(alliance, year);
        DivisionCode rulesArea = rulesDivision(alliance);
        String allianceId = alliance.id();
        return sessions.withTransaction((session, tx) -> DeclaredBases.lock(session, allianceId, year)
                .chain(() -> find(session, allianceId, year))
                .chain(found -> DeclaredBases.standing(session, allianceId, year).chain(standingBase -> {
                    AllianceBudgetEntity row = present(found, allianceId, year);
                    Optional<DeclaredBase> standing = standingBase.flatMap(DeclaredBaseEntity::declaration);
                    BudgetDecision decision = BudgetDecision.toApprove(row.status(), row.version(), quotedVersion, row.requestedBy(),
                            standing.map(DeclaredBase::declaredBy).orElse(null), actor, fourEyes);
                    if (decision instanceof BudgetDecision.AlreadyApproved) {
                        throw new BudgetConflictException(allianceId + " " + year + " is already approved");
                    }
                    if (decision instanceof BudgetDecision.StaleDraft stale) {
                        throw new StaleBudgetException("the draft is at version " + stale.currentVersion() + ", not "
                                + stale.quotedVersion() + ": review it again");
                    }
                    if (decision instanceof BudgetDecision.DrafterApproving drafter) {
                        throw new OutOfScopeException(drafter.officer() + " computed this draft: another insurance officer reviews "
                                + "and approves it (four eyes; mma.settlement.budget.four-eyes)");
                    }
                    // Before the declarer's check: a draft on a base since replaced is outdated, whoever declared the new one.
                    refuseIfBaseChanged(row, standing);
                    if (decision instanceof BudgetDecision.DeclarerApproving declarer) {
                        throw new OutOfScopeException(declarer.officer() + " declared the base the year's package stands on: another "
                                + "insurance officer reviews and approves it (four eyes; mma.settlement.budget.four-eyes)");
                    }
                    if (row.requestedAt().isBefore(lateReportsIn)) {
                        // Waiting for the late reports is worth nothing if the draft approved was computed before they came.
                        throw new OutdatedDraftException("the draft was computed at " + row.requestedAt() + ", before the "
                                + (year - 1) + " late reports were in (" + lateReportsIn + "): draft it again");
                    }
                    return parameters.inForce(session, rulesArea, LocalDate.of(year, 1, 1))
                            .chain(rules -> {
                                refuseIfOutdated(row, rules, alliance);
                                refuseIfBaseEmpty(row);
                                // The event's time is the platform's: consumers refuse one ahead of their clocks.
                                Instant now = clock.instant();
                                row.approve(actor, now);
                                return session.persist(OutboxEventEntity.of(ContractOutboxEvents.of(Topics.BUDGETS, approved(row, role, now))))
                                        .chain(session::flush).replaceWith(row);
                            });
                })));
    }

    /** Whose rules a budget is computed and approved under: the area of the alliance's first covered division. */
    private static DivisionCode rulesDivision(AllianceEntity alliance) {
        if (alliance.coveredDivisions().isEmpty()) {
            throw new BadRequestException("allianceId: " + alliance.id() + " covers no divisions, so it holds no budget");
        }
        return DivisionCode.of(alliance.coveredDivisions().get(0));
    }

    /**
     * A draft is approved under the rules it was computed with, and only within them, and for the population it counted:
     * a version loaded for its year since, an adjustment beyond the factor method's cap (typed into a draft before the
     * cap was checked, on 2026-11-25), or divisions the matrix has added to or taken from the alliance since (its
     * package would be set against another population's spend at close) would otherwise be published as the year's
     * package.
     */
    private static void refuseIfOutdated(AllianceBudgetEntity row, ParameterVersion rules, AllianceEntity alliance) {
        if (!rules.versionId().equals(row.parameterVersion())) {
            throw new OutdatedDraftException("the draft was computed under the rules " + row.parameterVersion() + "; "
                    + rules.versionId() + " are in force on 1 January " + row.year() + " now: draft it again");
        }
        beyondCap(row.factorAdjustment(), row.baseSpend(), rules).ifPresent(why -> {
            throw new OutdatedDraftException("the draft's factor adjustment " + why + ": draft it again");
        });
        List<String> covered = alliance.coveredDivisions().stream().sorted().toList();
        if (!covered.equals(row.coveredDivisions())) {
            throw new OutdatedDraftException("the draft counted the spend of the residents of "
                    + (row.coveredDivisions().isEmpty() ? "divisions it did not record" : row.coveredDivisions())
                    + "; the alliance covers " + covered + " now: draft it again");
        }
    }

    /**
     * A draft is approved on the base that stands: one declared, replaced or withdrawn since it was computed would
     * otherwise be published as the year's package on a base no one stands by any more.
     */
    private static void refuseIfBaseChanged(AllianceBudgetEntity row, Optional<DeclaredBase> standing) {
        Optional<Long> computedOn = row.declaredBase().map(DeclaredBase::number);
        Optional<Long> stands = standing.map(DeclaredBase::number);
        if (!computedOn.equals(stands)) {
            throw new OutdatedDraftException("the draft was computed on " + describe(row.declaredBase()) + "; "
                    + describe(standing) + " stands now: draft it again");
        }
    }

    private static String describe(Optional<DeclaredBase> base) {
        return base.map(declared -> "the base " + declared.baseSpend().toYuanString() + " declared by " + declared.declaredBy()
                + " at " + declared.declaredAt()).orElse("the platform's base spend (no declared base)");
    }

    /** A draft drafted before visits were counted knows of none: counted as none, as its base spend was. */
    private static void refuseIfBaseEmpty(AllianceBudgetEntity row) {
        long visits = row.baseOutpatient().map(VisitSpend::visits).orElse(0L);
        if (BudgetDecision.toApproveBase(row.baseYear(), row.settledCases(), visits, row.declaredBase().isPresent())
                instanceof BudgetDecision.EmptyBase empty) {
            throw new EmptyBaseException("no settled cases and no visits in the base year " + empty.baseYear()
                    + " for the covered divisions " + row.coveredDivisions() + ": a package of " + row.packageTotal().toYuanString()
                    + " from no spend at all is almost surely data missing; draft it again once the base year's cases and "
                    + "visits are in");
        }
    }

    static void refuseIfDissolved(AllianceEntity alliance, int year) {
        alliance.lifetime().refusesBudgetChange(alliance.id(), year).ifPresent(reason -> {
            throw new AllianceDissolvedException(reason);
        });
    }

    private static AllianceBudgetApproved approved(AllianceBudgetEntity row, String role, Instant now) {
        // Derived from alliance and year: a year is approved once, so a replay publishes the same event id.
        EventId eventId = EventId.of(UUID.nameUUIDFromBytes(("budget:" + row.allianceId() + ":" + row.year())
                .getBytes(StandardCharsets.UTF_8)));
        return new AllianceBudgetApproved(eventId, now, AllianceId.of(row.allianceId()), row.year(), row.baseSpend(),
                row.growthRate(), row.riskReserve(), row.carveOuts(), row.factorAdjustment(), row.packageTotal(),
                row.parameterVersion(), role);
    }

    private static PackageBudget compute(BudgetInputs inputs, BudgetParameters parameters) {
        try {
            return PackageBudget.compute(inputs, parameters);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("carveOuts/factorAdjustment: " + e.getMessage());
        }
    }

    private static Uni<AllianceBudgetEntity> find(Mutiny.Session session, String allianceId, int year) {
        return session.find(AllianceBudgetEntity.class, new AllianceBudgetEntity.Key(allianceId, year));
    }

    private static AllianceBudgetEntity present(AllianceBudgetEntity row, String allianceId, int year) {
        if (row == null) {
            throw new UnknownBudgetException("no budget has been drafted for " + allianceId + " " + year);
        }
        return row;
    }
}
