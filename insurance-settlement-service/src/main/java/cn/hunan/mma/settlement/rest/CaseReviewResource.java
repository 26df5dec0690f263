package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.rest.TextOrNumber;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.settlement.service.CaseReview;
import cn.hunan.mma.settlement.service.CaseReviewConflictException;
import cn.hunan.mma.settlement.service.CaseReviewNotFoundException;
import cn.hunan.mma.settlement.service.CaseReviews;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/**
 * The special-case review queue (特例单议) of the funds within an area: insurance officers and auditors list
 * the cases awaiting a decision or decided; an insurance officer of the insured area decides one, once.
 */
@Path("/api/v1/case-reviews")
@Produces(MediaType.APPLICATION_JSON)
public class CaseReviewResource {

    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_REASON = 500;

    private final CaseReviews reviews;
    private final CurrentCaller caller;

    public CaseReviewResource(CaseReviews reviews, CurrentCaller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    /** The request body of a decision: the payment the case is approved for, and why. */
    public record DecisionRequest(@TextOrNumber String approvedPayment, String reason) {
    }

    /**
     * One page of the queue; {@code next} is the {@code after} of the following page (null after the last). A cursor,
     * not a page number: deciding cases takes them out of the pending queue, and numbered pages would then skip some.
     */
    public record QueuePage(java.util.List<CaseReview> cases, long total, int size, String next) {
    }

    @GET
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
    public Uni<QueuePage> queue(@QueryParam("area") String area, @QueryParam("status") @DefaultValue("pending") String status,
                                @QueryParam("after") String after, @QueryParam("page") @DefaultValue("0") int page,
                                @QueryParam("size") @DefaultValue("50") int size) {
        if (area == null || !area.matches("[0-9]{6}")) {
            throw new BadRequestException("area: a 6-digit county, city or province code is required (the insured areas listed lie in it)");
        }
        DivisionCode where = DivisionCode.of(area);
        boolean pending = switch (status) {
            case "pending" -> true;
            case "decided" -> false;
            default -> throw new BadRequestException("status: pending or decided");
        };
        if (page != 0) {
            throw new BadRequestException("page: the queue pages by cursor — pass the previous page's next as after");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size: between 1 and " + MAX_PAGE_SIZE);
        }
        CaseReviews.Cursor from = after == null ? null : CaseReviews.Cursor.parse(after).orElseThrow(() ->
                new BadRequestException("after: the next of a previous page (settled-at instant, '_', discharge event id)"));
        AccessPolicy.requireSee(caller.get(), Jurisdiction.ofDivision(where), "area " + area);
        return reviews.queue(where, pending, from, size).map(found -> new QueuePage(found.cases(), found.total(), size,
                found.next() == null ? null : found.next().toString()));
    }

    @POST
    @Path("/{dischargeEventId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<CaseReview> decide(@PathParam("dischargeEventId") String dischargeEventId, DecisionRequest request) {
        UUID discharge = uuid(dischargeEventId);
        if (request == null || request.approvedPayment() == null) {
            throw new BadRequestException("approvedPayment: the payment approved for the case, in yuan (e.g. \"30000.00\"), is required");
        }
        Money approved = BodyMoney.of("approvedPayment", request.approvedPayment());
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON) {
            throw new BadRequestException("reason: the expert panel's reasoning, 1 to " + MAX_REASON + " characters, is required");
        }
        return reviews.decide(discharge, new CaseReviews.Decision(approved, request.reason().strip(), caller.get().subject()),
                insuredArea -> AccessPolicy.requireChange(caller.get(), Jurisdiction.ofDivision(insuredArea),
                        "the case of discharge " + discharge));
    }

    @ServerExceptionMapper
    public Response notFound(CaseReviewNotFoundException e) {
        return ProblemResponses.of(Problem.of(404, "No such case", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(CaseReviewConflictException e) {
        return ProblemResponses.of(Problem.of(409, "Not awaiting review", e.getMessage()));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("dischargeEventId: the discharge's event id (a UUID) is required");
        }
    }
}
