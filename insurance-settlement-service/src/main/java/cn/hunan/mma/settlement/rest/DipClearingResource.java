package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.rest.TextOrNumber;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.settlement.domain.cases.DipClearing;
import cn.hunan.mma.settlement.service.DipClearingConflictException;
import cn.hunan.mma.settlement.service.DipClearings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * DIP year-end clearing of a rule area (年终清算): an insurance officer of the area gives the year's DIP budget once
 * the year is over; the year's point value and each institution's revalued amount are stored and can be read back.
 */
@Path("/api/v1/dip-clearings/{area}/{year}")
@Produces(MediaType.APPLICATION_JSON)
public class DipClearingResource {

    private final DipClearings clearings;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public DipClearingResource(DipClearings clearings, CurrentCaller caller, ObjectMapper json) {
        this.clearings = clearings;
        this.caller = caller;
        this.json = json;
    }

    /** The request body: the area's DIP budget for the year, in yuan. */
    public record ClearingRequest(@TextOrNumber String budget) {
    }

    /** One institution's line: its cases and points, what the fund was to pay and pays at the year's point value. */
    public record LineView(String institutionId, long cases, BigDecimal points, Money provisionalFundPayable,
                           Money clearedFundPayable, SignedMoney adjustment) {
    }

    /** A clearing as stored and shown. */
    public record ClearingView(String area, int year, Money budget, long cases, BigDecimal totalPoints, BigDecimal pointValue,
                               Money provisionalFundPayable, Money clearedFundPayable, SignedMoney adjustment,
                               List<LineView> institutions, String clearedBy, Instant clearedAt) {

        static ClearingView of(DipClearing clearing, String clearedBy, Instant clearedAt) {
            List<LineView> lines = clearing.institutions().stream().map(line -> new LineView(line.institutionId(), line.cases(),
                    DipClearing.shown(line.points()), line.provisionalFundPayable(), line.clearedFundPayable(), line.adjustment())).toList();
            return new ClearingView(clearing.area(), clearing.year(), clearing.budget(), clearing.cases(), DipClearing.shown(clearing.totalPoints()),
                    clearing.pointValue(), clearing.provisionalFundPayable(), clearing.clearedFundPayable(), clearing.adjustment(),
                    lines, clearedBy, clearedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<Response> clear(@PathParam("area") String area, @PathParam("year") String year, ClearingRequest request) {
        DivisionCode where = area(area);
        int clearing = endedYear(year);
        if (request == null || request.budget() == null) {
            throw new BadRequestException("budget: the area's DIP budget for " + clearing + ", in yuan (e.g. \"25800000.00\"), is required");
        }
        Money budget = BodyMoney.of("budget", request.budget());
        if (budget.isZero()) {
            throw new BadRequestException("budget: must be more than zero");
        }
        AccessPolicy.requireChange(caller.get(), Jurisdiction.ofDivision(where), "area " + area);
        String by = caller.get().subject();
        Instant at = clock.instant();
        return clearings.clear(where, clearing, budget, by, at, made -> render(ClearingView.of(made, by, at)))
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
    public Uni<Response> clearing(@PathParam("area") String area, @PathParam("year") String year) {
        DivisionCode where = area(area);
        int clearing = year(year);
        AccessPolicy.requireSee(caller.get(), Jurisdiction.ofDivision(where), "area " + area);
        return clearings.stored(where, clearing).chain(found -> {
            String stored = found.orElseThrow(() -> new NotFoundException(area + " " + clearing + " has no DIP clearing"));
            return clearings.since(where, clearing).map(since -> withSince(stored, since));
        }).map(body -> Response.ok(body, MediaType.APPLICATION_JSON).build());
    }

    /** The clearing as it was made, with {@code sinceClearing}: the year's cases that changed after it, read now. */
    private String withSince(String stored, DipClearings.SinceClearing since) {
        try {
            ObjectNode view = (ObjectNode) json.readTree(stored);
            view.set("sinceClearing", json.valueToTree(since));
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored clearing must read back", e);
        }
    }

    /** The clearing's ledger entries: each institution's adjustment paid by the fund or clawed back to it. */
    @GET
    @Path("/ledger")
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
    public Uni<List<LedgerLineView>> ledger(@PathParam("area") String area, @PathParam("year") String year) {
        DivisionCode where = area(area);
        int clearing = year(year);
        AccessPolicy.requireSee(caller.get(), Jurisdiction.ofDivision(where), "area " + area);
        return clearings.stored(where, clearing).chain(found -> {
            if (found.isEmpty()) {
                throw new NotFoundException(area + " " + clearing + " has no DIP clearing");
            }
            return clearings.posted(where, clearing);
        }).map(entries -> entries.stream().map(posted -> LedgerLineView.of(posted.entry(), posted.postedAt())).toList());
    }

    @ServerExceptionMapper
    public Response conflict(DipClearingConflictException e) {
        return ProblemResponses.of(Problem.of(409, e.title(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ProblemResponses.of(Problem.of(404, "No clearing", e.getMessage()));
    }

    private String render(ClearingView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a clearing view must serialise", e);
        }
    }

    private static DivisionCode area(String text) {
        if (text == null || !text.matches("[0-9]{6}")) {
            throw new BadRequestException("area: the 6-digit code of the area whose DIP rules priced the cases");
        }
        return DivisionCode.of(text);
    }

    private static int year(String text) {
        if (text == null || !text.matches("[0-9]{4}")) {
            throw new BadRequestException("year: a four-digit year");
        }
        return Integer.parseInt(text);
    }

    // The point value is the year's budget over the year's points: a year still running has not all of its points.
    private int endedYear(String text) {
        int year = year(text);
        if (year >= LocalDate.now(clock.withZone(Period.ZONE)).getYear()) {
            throw new BadRequestException("year: " + year + " is not over; a DIP clearing values a whole year's points");
        }
        return year;
    }
}
