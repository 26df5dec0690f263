package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.settlement.persistence.AllianceBudgetEntity;
import cn.hunan.mma.settlement.persistence.AllianceEntity;
import cn.hunan.mma.settlement.service.AllianceDissolvedException;
import cn.hunan.mma.settlement.service.BudgetConflictException;
import cn.hunan.mma.settlement.service.DeclaredBaseOutdatedException;
import cn.hunan.mma.settlement.service.BudgetService;
import cn.hunan.mma.settlement.service.DeclaredBases;
import cn.hunan.mma.settlement.service.EmptyBaseException;
import cn.hunan.mma.settlement.service.NoDeclaredBaseException;
import cn.hunan.mma.settlement.service.NoScoreYetException;
import cn.hunan.mma.settlement.service.OutdatedDraftException;
import cn.hunan.mma.settlement.service.StaleBudgetException;
import cn.hunan.mma.settlement.service.UnknownBudgetException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/**
 * An alliance's package total for a year: drafted from last year's settled cases, reviewed, and
 * approved once by an insurance officer quoting the draft's version (ETag / If-Match).
 */
@Path("/api/v1/budgets/{allianceId}/{year}")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {

    private final BudgetService budgets;
    private final DeclaredBases declaredBases;
    private final BudgetCalendar calendar;
    private final CurrentCaller caller;

    public BudgetResource(BudgetService budgets, DeclaredBases declaredBases, BudgetCalendar calendar, CurrentCaller caller) {
        this.budgets = budgets;
        this.declaredBases = declaredBases;
        this.calendar = calendar;
        this.caller = caller;
    }

    @POST
    @Path("/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<Response> draft(@PathParam("allianceId") String allianceId, @PathParam("year") String year,
                               BudgetDraftRequest request) {
        if (request == null) {
            throw new BadRequestException("a draft request body with carveOuts is required");
        }
        BudgetDraftRequest checked = request.checked();
        int budgetYear = CalendarYears.parse(year);
        calendar.requireBaseYearOver(budgetYear);
        return visibleAlliance(allianceId, true)
                .chain(alliance -> budgets.draft(alliance, budgetYear, checked.carveOuts(), checked.factorAdjustment(),
                        caller.get().subject(), calendar.now()))
                .map(BudgetResource::tagged);
    }

    @POST
    @Path("/approve")
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<Response> approve(@PathParam("allianceId") String allianceId, @PathParam("year") String year,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        int budgetYear = CalendarYears.parse(year);
        // A draft stored before the calendar was checked must not be approved either.
        calendar.requireBaseYearOver(budgetYear);
        calendar.requireLateReportsIn(budgetYear);
        int quoted = quotedVersion(ifMatch);
        return visibleAlliance(allianceId, true)
                .chain(alliance -> budgets.approve(alliance, budgetYear, quoted, Role.INSURANCE_OFFICER_NAME,
                        caller.get().subject(), calendar.lateReportsIn(budgetYear)))
                .map(BudgetResource::tagged);
    }

    @GET
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.INSTITUTION_USER_NAME, Role.AUDITOR_NAME})
    public Uni<Response> budget(@PathParam("allianceId") String allianceId, @PathParam("year") String year) {
        int budgetYear = CalendarYears.parse(year);
        return visibleAlliance(allianceId, false)
                .chain(alliance -> budgets.budget(alliance.id(), budgetYear))
                .map(BudgetResource::tagged);
    }

    /**
     * Declares the year's base spend from the bureau's legacy settlement system, for a base year the platform does not
     * hold (the first budget year after go-live): drafts computed while it stands are based on it. Replaces the standing
     * declaration; every one is kept.
     */
    @PUT
    @Path("/declared-base")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<DeclaredBaseView> declareBase(@PathParam("allianceId") String allianceId, @PathParam("year") String year,
                                             DeclaredBaseRequest request) {
        DeclaredBaseRequest checked = DeclaredBaseRequest.checked(request);
        int budgetYear = CalendarYears.parse(year);
        // The legacy system's figure of a year is whole only once the year is over, as the platform's is.
        calendar.requireBaseYearOver(budgetYear);
        return visibleAlliance(allianceId, true)
                .chain(alliance -> declaredBases.declare(alliance, budgetYear, checked.baseSpend(), checked.source(),
                        caller.get().subject(), calendar.now()))
                .map(history -> DeclaredBaseView.of(AllianceId.of(allianceId).value(), budgetYear, history));
    }

    /** Withdraws the standing declared base: drafts are based on the platform's spend again. Audited like a declaration. */
    @DELETE
    @Path("/declared-base")
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<DeclaredBaseView> withdrawBase(@PathParam("allianceId") String allianceId, @PathParam("year") String year) {
        int budgetYear = CalendarYears.parse(year);
        return visibleAlliance(allianceId, true)
                .chain(alliance -> declaredBases.withdraw(alliance, budgetYear, caller.get().subject(), calendar.now()))
                .map(history -> DeclaredBaseView.of(AllianceId.of(allianceId).value(), budgetYear, history));
    }

    @GET
    @Path("/declared-base")
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.INSTITUTION_USER_NAME, Role.AUDITOR_NAME})
    public Uni<DeclaredBaseView> declaredBase(@PathParam("allianceId") String allianceId, @PathParam("year") String year) {
        int budgetYear = CalendarYears.parse(year);
        return visibleAlliance(allianceId, false)
                .chain(alliance -> declaredBases.history(alliance.id(), budgetYear))
                .map(history -> DeclaredBaseView.of(AllianceId.of(allianceId).value(), budgetYear, history));
    }

    @ServerExceptionMapper
    public Response conflict(BudgetConflictException e) {
        return ProblemResponses.of(Problem.of(409, "Budget already approved", e.getMessage()));
    }

    // Two officers racing: the later write meets the version column or the primary key.
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class, ConstraintViolationException.class})
    public Response concurrent(Exception e) {
        return ProblemResponses.of(Problem.of(409, "Budget changed concurrently", "another officer changed this budget; review it again"));
    }

    @ServerExceptionMapper
    public Response baseYearOpen(BudgetCalendar.BaseYearOpenException e) {
        return ProblemResponses.of(Problem.of(409, "Base year still open", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response outdated(OutdatedDraftException e) {
        return ProblemResponses.of(Problem.of(409, "Draft outdated", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response declaredBaseOutdated(DeclaredBaseOutdatedException e) {
        return ProblemResponses.of(Problem.of(409, "Declared base outdated", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response emptyBase(EmptyBaseException e) {
        return ProblemResponses.of(Problem.of(409, "No base spend", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response noScore(NoScoreYetException e) {
        return ProblemResponses.of(Problem.of(409, "No score yet", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response stale(StaleBudgetException e) {
        return ProblemResponses.of(Problem.of(412, "Draft changed", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response noDeclaredBase(NoDeclaredBaseException e) {
        return ProblemResponses.of(Problem.of(404, "No declared base", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknown(UnknownBudgetException e) {
        return ProblemResponses.of(Problem.of(404, "No budget", e.getMessage()));
    }

    private static Response tagged(AllianceBudgetEntity row) {
        return Response.ok(BudgetView.of(row)).header(HttpHeaders.ETAG, "\"" + row.version() + "\"").build();
    }

    /**
     * The alliance, if the caller may see (or change) it ({@link AllianceReach}): the caller's reach is decided before
     * its dissolution or its lack of divisions is told. Before 2026-11-25 (5) a caller outside it learned those.
     */
    private Uni<AllianceEntity> visibleAlliance(String allianceId, boolean change) {
        String id = AllianceId.of(allianceId).value();
        return budgets.findAlliance(id).map(found -> {
            AllianceEntity alliance = found.orElseThrow(() -> new UnknownBudgetException("alliance " + id + " is not in the matrix"));
            AllianceReach.require(caller.get(), id, alliance, change);
            if (alliance.coveredDivisions().isEmpty() && alliance.lifetime().dissolved()) {
                // First heard of as dissolved: no division to scope it by, and no budget can have been drafted here.
                throw new AllianceDissolvedException("allianceId: " + id + " is dissolved, and the make-up it had before is not "
                        + "known to this service, so it holds no budget");
            }
            if (alliance.coveredDivisions().isEmpty()) {
                throw new BadRequestException("allianceId: " + id + " covers no divisions, so it holds no budget");
            }
            return alliance;
        });
    }

    /** The draft version from If-Match ("3", or the ETag "\"3\""); an approval without one is refused. */
    private static int quotedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new BadRequestException("If-Match: quote the ETag of the draft you reviewed");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match: '" + ifMatch + "' is not an ETag of this budget");
        }
    }
}
