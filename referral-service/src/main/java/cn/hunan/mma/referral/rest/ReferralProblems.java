package cn.hunan.mma.referral.rest;

import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.referral.domain.ReferralAction;
import cn.hunan.mma.referral.domain.Refusal;
import cn.hunan.mma.referral.service.ReferralRefusedException;
import cn.hunan.mma.referral.service.StaleVersionException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refused transitions and lost races as problem+json. A refusal carries the actions that are
 * allowed instead ({@code allowedActions}), so a client can offer them, and names the request field at fault
 * ({@code errors}) when one is.
 */
public class ReferralProblems {

    @ServerExceptionMapper
    public Response refused(ReferralRefusedException e) {
        Refusal refusal = e.refusal();
        int status = switch (refusal.kind()) {
            case NOT_ALLOWED_IN_STATE, NO_RESERVED_CAPACITY, IDEMPOTENCY_KEY_REUSED -> 409;
            case WRONG_PARTY -> 403;
            case INVALID_INPUT -> 400;
            case UNKNOWN_INSTITUTION, SELF_REFERRAL, UNKNOWN_REFERRAL, UNKNOWN_DEPARTMENT -> 422;
        };
        String title = switch (refusal.kind()) {
            case NOT_ALLOWED_IN_STATE -> "Transition not allowed";
            case WRONG_PARTY -> "Not this party's action";
            case INVALID_INPUT -> "Invalid request";
            case UNKNOWN_INSTITUTION -> "Unknown institution";
            case SELF_REFERRAL -> "Self-referral";
            case UNKNOWN_REFERRAL -> "Unknown referral";
            case UNKNOWN_DEPARTMENT -> "Unknown department";
            case NO_RESERVED_CAPACITY -> "No reserved capacity left";
            case IDEMPOTENCY_KEY_REUSED -> "Idempotency-Key reused";
        };
        Map<String, Object> body = problem(status, title, refusal.message());
        body.put("refusal", refusal.kind().name());
        body.put("allowedActions", refusal.allowedActions().stream().sorted().map(ReferralAction::slug).toList());
        // The same field errors as the platform's 400s, so a client points at the field whatever the status.
        refusal.field().ifPresent(field -> body.put("errors", List.of(new Problem.FieldError(field, refusal.kind().name()))));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e) {
        int status = e.preconditionFailed() ? 412 : 409;
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(status, e.preconditionFailed() ? "Precondition Failed" : "Concurrent transition", e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response missingPrecondition(IfMatch.MissingException e) {
        return Response.status(428).type(Problem.MEDIA_TYPE)
                .entity(problem(428, "Precondition Required", e.getMessage())).build();
    }

    private static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
