package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.OutOfScopeException;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.domain.alliance.AllianceLifetime;
import cn.hunan.mma.settlement.domain.budget.BudgetParameters;
import cn.hunan.mma.settlement.export.SettlementExport;
import cn.hunan.mma.settlement.persistence.AllianceBudgetEntity;
import cn.hunan.mma.settlement.persistence.AllianceEntity;
import cn.hunan.mma.settlement.persistence.PeriodCloseEntity;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.rules.distribution.Claimant;
import cn.hunan.mma.settlement.rules.distribution.TertiaryPartner;
import cn.hunan.mma.settlement.service.AllianceDissolvedException;
import cn.hunan.mma.settlement.service.AllianceMakeups;
import cn.hunan.mma.settlement.service.AlreadyClosedException;
import cn.hunan.mma.settlement.service.BudgetService;
import cn.hunan.mma.settlement.service.NoApprovedBudgetException;
import cn.hunan.mma.settlement.service.NotBudgetHoldingException;
import cn.hunan.mma.settlement.service.NotClosedException;
import cn.hunan.mma.settlement.service.OutOfAreaCare;
import cn.hunan.mma.settlement.service.ParameterService;
import cn.hunan.mma.settlement.service.PeriodCloser;
import cn.hunan.mma.settlement.service.ScoreService;
import cn.hunan.mma.settlement.service.SpendService;
import cn.hunan.mma.settlement.service.UnknownAllianceException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Period closes of an alliance: close, read, reopen (audited), ledger and exports. */
@Path("/api/v1/settlements/{allianceId}/{period}")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodCloseResource {

    private static final int MAX_REOPEN_REASON = 500;


    private final PeriodCloser closer;
    private final ParameterService parameters;
    private final ScoreService scores;
    private final BudgetService budgets;
    private final SpendService spending;
    private final OutOfAreaCare outOfArea;
    private final AllianceMakeups makeups;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public PeriodCloseResource(PeriodCloser closer, ParameterService parameters, ScoreService scores, BudgetService budgets,
                               SpendService spending, OutOfAreaCare outOfArea, AllianceMakeups makeups, CurrentCaller caller,
                               ObjectMapper json) {
        this.closer = closer;
        this.parameters = parameters;
        this.scores = scores;
        this.budgets = budgets;
        this.spending = spending;
        this.outOfArea = outOfArea;
        this.makeups = makeups;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<CloseView> close(@PathParam("allianceId") String allianceId, @PathParam("period") String period,
                                CloseRequest request) {
        if (request == null) {
            throw new BadRequestException("a close request body is required");
        }
        DivisionCode division = request.requiredDivision();
        Period closing = closablePeriod(period);
        AllianceId alliance = AllianceId.of(allianceId);
        // Before anything is read: a caller outside the alliance learns nothing about it, not even that it is dissolved.
        AccessPolicy.requireChange(caller.get(), new Jurisdiction(division, Set.of(alliance.value()), request.institutionIds()),
                "alliance " + allianceId);
        // The alliance's row is read once: the lifetime check and the spend see the same make-up.
        // The caller's reach of the alliance before whether it covers the division (or is dissolved) is told.
        return budgets.findAlliance(alliance.value())
                .invoke(found -> found.ifPresent(row -> AllianceReach.require(caller.get(), alliance.value(), row, true)))
                .map(found -> covering(division, alliance, found))
                .chain(row -> closable(alliance, closing, row).chain(() -> snapshot(request, alliance, closing, row)))
                .chain(frozen -> closer.close(frozen.snapshot(), division.value(), caller.get().subject(), derivationJson(frozen)))
                .map(CloseView::of);
    }

    /**
     * A close's frozen inputs, with how the service worked out those the request left out: who the members are, the
     * referral rates' episode counts, the members' bases and the partners' kept-in-area cases it derived (by
     * institution id).
     */
    private record Frozen(SettlementSnapshot snapshot, ClosingMembers members, ClosingPartners partners,
                          CloseRequest.ReferralRates rates, Map<String, BigDecimal> derivedBases,
                          Map<String, Long> derivedKeptInArea) {
    }

    /**
     * The close's frozen inputs: the request's, and what the service holds where the request leaves them out. The
     * members and partners are checked against who belonged to the alliance in the period before anything else is read.
     */
    private Uni<Frozen> snapshot(CloseRequest request, AllianceId alliance, Period closing, AllianceEntity row) {
        DivisionCode rules = rulesDivision(request.requiredDivision(), row);
        return makeups.during(alliance.value(), closing).chain(makeup -> {
            ClosingMembers members = ClosingMembers.resolve(request.members(), alliance.value(), closing.toString(), makeup);
            ClosingPartners partners = ClosingPartners.resolve(request.tertiaryPartners(), alliance.value(), closing.toString(), makeup);
            return parameters.inForce(rules, LocalDate.ofInstant(closing.start(), Period.ZONE))
                    .chain(version -> scores.latest(closing, alliance.value(), CloseRequest.ids(members.members()))
                            .chain(stored -> packageTotal(request, alliance, closing)
                                    .chain(frozenPackage -> actualSpend(request, alliance, closing, row)
                                            .chain(spend -> referralRates(request, alliance, closing, row)
                                                    .chain(rates -> memberBases(members, alliance, closing, row)
                                                            .chain(bases -> keptInArea(partners, alliance, closing, row)
                                                                    .map(kept -> new Frozen(request.toSnapshot(alliance, closing,
                                                                            version, members.members(), partners.frozen(kept),
                                                                            stored, frozenPackage, spend, rates, bases),
                                                                            members, partners, rates, bases, kept))))))));
        });
    }

    /** The kept-in-area cases of the partners the request gives none for (DOMAIN.md §7's attributable cases). */
    private Uni<Map<String, Long>> keptInArea(ClosingPartners partners, AllianceId alliance, Period closing, AllianceEntity row) {
        List<String> toDerive = partners.toDerive();
        if (toDerive.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return outOfArea.keptInArea(coveredDivisions("tertiaryPartners[].keptInAreaCases", alliance, row), closing,
                row.lifetime().spendUntil(closing), toDerive, partners.ids());
    }

    /**
     * The bases of the members the request gives none for: each one's fund contribution in the period, in yuan (what
     * the fund paid for the covered residents' cases and visits there).
     */
    private Uni<Map<String, BigDecimal>> memberBases(ClosingMembers members, AllianceId alliance, Period closing, AllianceEntity row) {
        List<String> without = CloseRequest.withoutBase(members.members());
        if (without.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return spending.fundContribution(coveredDivisions("members[].base", alliance, row), closing, row.lifetime().spendUntil(closing),
                without).map(contribution -> {
            Map<String, BigDecimal> bases = new TreeMap<>();
            contribution.forEach((institution, amount) -> bases.put(institution, amount.toBigDecimal()));
            return bases;
        });
    }

    /**
     * The alliance as the matrix states it; the request's division, which decides who may close, must be one the
     * alliance covers or lie around or within one (a city for its county's alliance): else an officer of one area
     * could close another area's alliance. 404 for an alliance the matrix never stated. A dissolution first heard of
     * with no make-up leaves nothing to check; such an alliance never had a budget, so {@link #closable} refuses it.
     */
    private static AllianceEntity covering(DivisionCode division, AllianceId alliance, Optional<AllianceEntity> found) {
        AllianceEntity row = found.orElseThrow(() -> new UnknownAllianceException(alliance.value()));
        List<String> covered = row.coveredDivisions();
        boolean covers = covered.isEmpty() && row.lifetime().dissolved() || covered.stream().map(DivisionCode::of)
                .anyMatch(one -> one.isWithin(division) || division.isWithin(one));
        if (!covers) {
            throw new OutOfScopeException("alliance " + alliance.value() + " is outside " + division.value());
        }
        return row;
    }

    /**
     * Whose rules a close applies: the alliance's own area — its first covered division, as its budget was drafted —
     * not the division a caller names, which may be the city around it and have rules of its own.
     */
    private static DivisionCode rulesDivision(DivisionCode requested, AllianceEntity row) {
        return row.coveredDivisions().isEmpty() ? requested : DivisionCode.of(row.coveredDivisions().get(0));
    }

    /**
     * A specialty alliance closes nothing, holding no budget; a dissolved alliance closes only a period it lived through
     * and that had an approved budget (409 otherwise).
     */
    private Uni<Void> closable(AllianceId alliance, Period closing, AllianceEntity row) {
        NotBudgetHoldingException.refuseUnlessBudgetHolding(row);
        AllianceLifetime lifetime = row.lifetime();
        if (!lifetime.dissolved()) {
            return Uni.createFrom().voidItem();
        }
        return budgets.isApproved(alliance.value(), closing.year()).invoke(approved ->
                lifetime.refusesClose(alliance.value(), closing, approved).ifPresent(reason -> {
                    throw new AllianceDissolvedException(reason);
                })).replaceWithVoid();
    }

    /**
     * The request's package total; else the alliance's approved budget of the year — whole for a year-end close,
     * split by {@code budget.firstHalfShare} for a half-year close. Both halves take the share from the rules the budget
     * was drafted and approved under, so H1 + H2 is the package to the fen whatever version is loaded between the two
     * closes. (Before 2026-11-25 (4) each half took the rules in force on 1 January when it closed: a version for
     * 1 January loaded after the H1 close, with another share, made H1 + H2 pay out more or less than the package.)
     */
    private Uni<Money> packageTotal(CloseRequest request, AllianceId alliance, Period closing) {
        if (request.packageTotal() != null) {
            return Uni.createFrom().item(request.packageTotal());
        }
        if (closing.kind() == Period.Kind.YEAR) {
            return budgets.approved(alliance.value(), closing.year()).map(AllianceBudgetEntity::packageTotal);
        }
        return budgets.approved(alliance.value(), closing.year()).chain(budget -> parameters.version(budget.parameterVersion())
                .map(version -> {
                    BudgetParameters rules = version.parameters().budget();
                    if (rules.firstHalfShare() == null) {
                        throw new BadRequestException("packageTotal: required for a half-year close of a budget drafted under "
                                + version.versionId() + ", whose rules give no budget.firstHalfShare of the annual package");
                    }
                    return rules.halfYearPackage(budget.packageTotal(), closing.index());
                }));
    }

    /**
     * The request's actual spend, or the fund-paid sum of the period's settled cases of the
     * alliance's covered residents (a what-if may still give its own figure).
     */
    private Uni<Money> actualSpend(CloseRequest request, AllianceId alliance, Period closing, AllianceEntity row) {
        if (request.actualSpend() != null) {
            return Uni.createFrom().item(request.actualSpend());
        }
        return spending.actualSpend(coveredDivisions("actualSpend", alliance, row), closing, row.lifetime().spendUntil(closing))
                .map(SpendService.Spend::amount);
    }

    /**
     * The request's out-of-area referral rates; a rate it omits is worked out from the settled inpatient episodes of
     * the alliance's covered residents: the closed period's (until a dissolution) for the current rate, the same period a
     * year earlier for the baseline. 400 naming the rate when the episodes cannot give it.
     */
    private Uni<CloseRequest.ReferralRates> referralRates(CloseRequest request, AllianceId alliance, Period closing,
                                                          AllianceEntity row) {
        Period baseline = new Period(closing.kind(), closing.year() - 1, closing.index());
        List<CloseRequest.RateBasis> worked = new ArrayList<>();
        return referralRate(request.baselineReferralRate(), "baselineReferralRate", alliance, baseline, row, worked)
                .chain(baselineRate -> referralRate(request.currentReferralRate(), "currentReferralRate", alliance, closing, row, worked)
                        .map(currentRate -> new CloseRequest.ReferralRates(baselineRate, currentRate, List.copyOf(worked))));
    }

    private Uni<BigDecimal> referralRate(BigDecimal given, String field, AllianceId alliance, Period period, AllianceEntity row,
                                         List<CloseRequest.RateBasis> worked) {
        if (given != null) {
            return Uni.createFrom().item(given);
        }
        return outOfArea.episodes(coveredDivisions(field, alliance, row), period, row.lifetime().spendUntil(period)).map(episodes -> {
            episodes.whyNoRate().ifPresent(reason -> {
                throw new BadRequestException(field + ": required, since it cannot be worked out for " + period + ": " + reason);
            });
            worked.add(new CloseRequest.RateBasis(field, period.toString(), episodes.episodes(), episodes.outside()));
            return episodes.rate();
        });
    }

    /**
     * How the service worked out the inputs the request left out, as the close keeps it: {@code members} (named by the
     * matrix, or the levels it took from the matrix for the primary-level floors), {@code referralRates} (each rate's
     * period and episode counts), {@code memberBases} (each derived base and what it is) and {@code tertiaryKeptInArea}
     * (each partner's worked-out cases); null when the request gave them all.
     */
    private String derivationJson(Frozen frozen) {
        ClosingMembers members = frozen.members();
        boolean membersDerived = ClosingMembers.MATRIX.equals(members.namedBy()) || !members.levelsTaken().isEmpty()
                || !members.omitted().isEmpty();
        boolean partnersNamed = ClosingMembers.MATRIX.equals(frozen.partners().namedBy());
        if (!membersDerived && !partnersNamed && frozen.rates().worked().isEmpty() && frozen.derivedBases().isEmpty()
                && frozen.derivedKeptInArea().isEmpty()) {
            return null;
        }
        Map<String, Object> derived = new LinkedHashMap<>();
        if (membersDerived) {
            derived.put("members", new DerivedMembers(members.namedBy(), members.levelsTaken(), members.omitted()));
        }
        if (!frozen.rates().worked().isEmpty()) {
            derived.put("referralRates", frozen.rates().worked());
        }
        if (!frozen.derivedBases().isEmpty()) {
            List<DerivedBase> bases = new ArrayList<>();
            frozen.derivedBases().forEach((institution, base) -> bases.add(new DerivedBase(institution, base.toPlainString(),
                    DerivedBase.FUND_CONTRIBUTION, base.signum() == 0 ? DerivedBase.NOTHING_TREATED : null)));
            derived.put("memberBases", bases);
        }
        if (partnersNamed) {
            // The request named none: every hospital that collaborated in the period shares (send [] for none).
            derived.put("tertiaryPartners", new DerivedPartners(ClosingMembers.MATRIX, frozen.partners().ids()));
        }
        if (!frozen.derivedKeptInArea().isEmpty()) {
            List<DerivedKeptInArea> kept = new ArrayList<>();
            frozen.derivedKeptInArea().forEach((partner, cases) -> kept.add(new DerivedKeptInArea(partner, cases,
                    DerivedKeptInArea.DOWN_REFERRALS)));
            derived.put("tertiaryKeptInArea", kept);
        }
        try {
            return json.writeValueAsString(derived);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the derived inputs must serialise", e);
        }
    }

    /**
     * Who named the close's members ({@code matrix}: every member the alliance had in the period), the levels the
     * matrix states for those whose primary level the service decided, and the period's members the request left out.
     */
    public record DerivedMembers(String namedBy, List<ClosingMembers.TakenLevel> levels, List<String> omitted) {
    }

    /** Who named the close's tertiary partners, and which they are. */
    public record DerivedPartners(String namedBy, List<String> institutionIds) {
    }

    /** A partner's kept-in-area cases the service worked out, and what they are. */
    public record DerivedKeptInArea(String institutionId, long keptInAreaCases, String basis) {
        static final String DOWN_REFERRALS = "the covered residents' referral episodes whose first homecoming after a stay "
                + "at this hospital — a stay on a later day at an institution of a covered county that is not a partner — "
                + "fell in the period (down-referrals home, 下转)";
    }

    /**
     * A member's base the service derived, in yuan, and what it is.
     *
     * @param remark what a finance officer should know about the figure: said of a base of zero (what that pays the
     *               member — nothing, a floor, or an equal split when every weight is zero — is in its allocation);
     *               null otherwise
     */
    public record DerivedBase(String institutionId, String base, String basis, String remark) {
        static final String FUND_CONTRIBUTION = "fund contribution: the fund-paid amount of the covered residents' "
                + "settled cases and outpatient visits at the member in the period";
        static final String NOTHING_TREATED = "no settled case or outpatient visit of a covered resident at this member in "
                + "the period: its base, and so its weight B × F, is zero; give a base in the request if another documented "
                + "base applies";
    }

    /** The divisions the alliance covers, which the figures are gathered over; without any, {@code field} must come with the request. */
    private static List<String> coveredDivisions(String field, AllianceId alliance, AllianceEntity row) {
        if (row.coveredDivisions().isEmpty()) {
            throw new BadRequestException(field + ": required, since " + alliance.value() + (row.lifetime().dissolved()
                    ? " is dissolved and the divisions it covered before are not known to this service" : " covers no divisions"));
        }
        return row.coveredDivisions();
    }

    @POST
    @Path("/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<CloseView> reopen(@PathParam("allianceId") String allianceId, @PathParam("period") String period,
                                 ReopenRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new BadRequestException("reason: a reopen must say why");
        }
        String reason = request.reason().strip();
        if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            // PostgreSQL stores no NUL in text, and a control character in a published reason helps no one.
            throw new BadRequestException("reason: control characters other than line breaks and tabs are not allowed");
        }
        if (reason.length() > MAX_REOPEN_REASON) {
            throw new BadRequestException("reason: at most " + MAX_REOPEN_REASON + " characters (it is published with the reopening)");
        }
        String periodText = closablePeriod(period).toString();
        return standingVisible(allianceId, periodText, true)
                .chain(standing -> closer.reopen(standing.allianceId(), periodText, caller.get().subject(), reason))
                .map(CloseView::of);
    }

    @GET
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.INSTITUTION_USER_NAME, Role.AUDITOR_NAME})
    public Uni<CloseView> standing(@PathParam("allianceId") String allianceId, @PathParam("period") String period) {
        return standingVisible(allianceId, closablePeriod(period).toString(), false).map(CloseView::of);
    }

    /**
     * One revision of the period's close, standing (CLOSED) or withdrawn (REOPENED): a reopened revision's frozen inputs
     * and result stay readable after the period is closed again (before 2026-11-25 (9) only the standing one was).
     */
    @GET
    @Path("/revisions/{revision}")
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.INSTITUTION_USER_NAME, Role.AUDITOR_NAME})
    public Uni<CloseView> revision(@PathParam("allianceId") String allianceId, @PathParam("period") String period,
                                   @PathParam("revision") String revision) {
        int number = revisionNumber(revision);
        return visible(AllianceId.of(allianceId).value(), (alliance, closed) -> closer.revision(alliance, closed, number),
                closablePeriod(period).toString(), false).map(CloseView::of);
    }

    private static int revisionNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new BadRequestException("revision: a close's revision number, 1 or more");
    }

    /**
     * Ledger lines of the alliance and period, optionally of one account only: every revision's postings and reversals,
     * also while the period is reopened (scoped by its latest close). Before 2026-11-25 (3) a reopened period's lines
     * answered 404 until it was closed again.
     */
    @GET
    @Path("/ledger")
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.AUDITOR_NAME})
    public Uni<List<LedgerLineView>> ledger(@PathParam("allianceId") String allianceId, @PathParam("period") String period,
                                            @QueryParam("account") String account) {
        String periodText = closablePeriod(period).toString();
        return visible(AllianceId.of(allianceId).value(), closer::latest, periodText, false)
                .chain(latest -> closer.ledger(latest.allianceId(), periodText))
                .map(rows -> rows.stream().filter(row -> account == null || account.equals(row.account()))
                        .map(LedgerLineView::of).toList());
    }

    /**
     * The period's audit trail: each close and reopen with its revision, who, when and (for a reopen) why — also while
     * the period is reopened, scoped by its latest close.
     */
    @GET
    @Path("/audit")
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
    public Uni<List<CloseAuditView>> audit(@PathParam("allianceId") String allianceId, @PathParam("period") String period) {
        String periodText = closablePeriod(period).toString();
        return visible(AllianceId.of(allianceId).value(), closer::latest, periodText, false)
                .chain(latest -> closer.audit(latest.allianceId(), periodText))
                .map(rows -> rows.stream().map(CloseAuditView::of).toList());
    }

    @GET
    @Path("/export.xlsx")
    @Produces(SettlementExport.XLSX_MEDIA_TYPE)
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.AUDITOR_NAME})
    public Uni<Response> xlsx(@PathParam("allianceId") String allianceId, @PathParam("period") String period) {
        return settlement(allianceId, period).map(settlement -> download(SettlementExport.xlsx(settlement),
                SettlementExport.XLSX_MEDIA_TYPE, allianceId + "-" + period + ".xlsx"));
    }

    @GET
    @Path("/export.csv")
    @Produces(SettlementExport.CSV_MEDIA_TYPE)
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.AUDITOR_NAME})
    public Uni<Response> csv(@PathParam("allianceId") String allianceId, @PathParam("period") String period) {
        return settlement(allianceId, period).map(settlement -> download(SettlementExport.csv(settlement),
                SettlementExport.CSV_MEDIA_TYPE, allianceId + "-" + period + ".csv"));
    }

    @ServerExceptionMapper
    public Response alreadyClosed(AlreadyClosedException e) {
        return ProblemResponses.of(Problem.of(409, "Already closed", e.getMessage()));
    }

    // Two closes racing past the check meet the one-standing-close index.
    @ServerExceptionMapper
    public Response concurrentClose(ConstraintViolationException e) {
        return ProblemResponses.of(Problem.of(409, "Already closed", "the period was closed concurrently"));
    }

    @ServerExceptionMapper
    public Response noApprovedBudget(NoApprovedBudgetException e) {
        return ProblemResponses.of(Problem.of(409, "No approved budget", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notClosed(NotClosedException e) {
        return ProblemResponses.of(Problem.of(404, "Not closed", e.getMessage()));
    }

    /**
     * The standing close's result as it was stored: an export shows what was closed and posted to the ledger, even
     * after the close's arithmetic has changed. (Before 2026-11-25 (4) exports re-ran the close from its snapshot.)
     */
    private Uni<PeriodSettlement> settlement(String allianceId, String period) {
        return standingVisible(allianceId, closablePeriod(period).toString(), false)
                .map(standing -> SettlementJson.readSettlement(standing.resultJson().getBytes(StandardCharsets.UTF_8)));
    }

    private Uni<PeriodCloseEntity> standingVisible(String allianceId, String period, boolean change) {
        return visible(AllianceId.of(allianceId).value(), closer::standing, period, change);
    }

    /**
     * The close, if the caller may see (or change) it: scoped by the division it was closed for and its make-up, or by
     * the places the alliance covers ({@link CloseReach}). When there is none, whether the caller reaches the alliance
     * decides between 404 "Not closed" and 403 ({@link AllianceReach}): before 2026-11-25 (5) a caller outside the
     * alliance learned whether its period was closed.
     */
    private Uni<PeriodCloseEntity> visible(String allianceId, BiFunction<String, String, Uni<PeriodCloseEntity>> read,
                                           String period, boolean change) {
        return read.apply(allianceId, period)
                .onFailure(NotClosedException.class).recoverWithUni(notClosed -> budgets.findAlliance(allianceId)
                        .chain(found -> {
                            found.ifPresent(alliance -> AllianceReach.require(caller.get(), allianceId, alliance, change));
                            return Uni.createFrom().<PeriodCloseEntity>failure(notClosed);
                        }))
                .chain(row -> budgets.findAlliance(allianceId).map(alliance -> {
                    DivisionCode recorded = DivisionCode.of(row.divisionCode());
                    String what = "alliance " + allianceId;
                    if (change) {
                        CloseReach.requireReopen(caller.get(), recorded, alliance, what);
                    } else {
                        SettlementSnapshot snapshot = SettlementJson.readSnapshot(row.snapshotJson().getBytes(StandardCharsets.UTF_8));
                        CloseReach.requireSee(caller.get(), jurisdiction(recorded, snapshot), alliance, what);
                    }
                    return row;
                }));
    }

    private static Jurisdiction jurisdiction(DivisionCode division, SettlementSnapshot snapshot) {
        Set<String> institutions = Stream.concat(
                        snapshot.members().stream().map(Claimant::institutionId),
                        snapshot.tertiaryPartners().stream().map(TertiaryPartner::institutionId))
                .map(id -> id.value()).collect(Collectors.toSet());
        return new Jurisdiction(division, Set.of(snapshot.allianceId().value()), institutions);
    }

    private static Period closablePeriod(String text) {
        Period period = Period.parse(text);
        if (period.kind() == Period.Kind.MONTH) {
            throw new BadRequestException("period: settlements close at mid-year (2025-H1) or year-end (2025)");
        }
        return period;
    }

    private static Response download(byte[] body, String mediaType, String fileName) {
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
