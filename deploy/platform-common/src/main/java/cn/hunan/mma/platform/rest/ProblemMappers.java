package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.platform.security.InvalidScopeClaimException;
import cn.hunan.mma.platform.security.OutOfScopeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves the services as {@code application/problem+json}: a 4xx says what the
 * client did wrong; a 5xx says only that the fault is ours (details go to the log, not the client).
 * Requires {@code quarkus.http.auth.proactive=false} so authentication failures reach these mappers.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ProblemResponses.unauthorized("a bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ProblemResponses.unauthorized("the bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response invalidScope(InvalidScopeClaimException e) {
        return ProblemResponses.unauthorized(e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Problem.of(403, "Forbidden", "the caller's roles do not allow this operation"));
    }

    @ServerExceptionMapper
    public Response outOfScope(OutOfScopeException e) {
        return ProblemResponses.of(Problem.of(403, "Forbidden", e.getMessage()));
    }

    /**
     * Jackson's own messages quote the rejected input, which may be a national ID number typed into
     * the wrong field: the client gets the field path and what was expected, never the value.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof ContractViolation violation) {
            return contractViolation(violation.atField(path(mapping)));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? "expected " + mismatch.getTargetType().getSimpleName()
                    : "invalid value";
            return ProblemResponses.of(Problem.of(400, "Malformed request body", field + ": " + expected)
                    .withErrors(List.of(new Problem.FieldError(field, expected))));
        }
        return ProblemResponses.of(Problem.of(400, "Malformed request body", "the body is not valid JSON"));
    }

    /**
     * A value the body's type cannot hold: an unknown enum name, text in a number field. Quarkus REST
     * ships a mapper for exactly this type, which beats {@link #unreadableJson}'s broader one and
     * answers plain JSON; this one is as specific and the application's own, so the caller gets the
     * same problem (field path, what was expected) as for any other unreadable body.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** A value that breaks the contract (bad ICD-10 code, negative money, …): the reason and the field. */
    @ServerExceptionMapper
    public Response contractViolation(ContractViolation e) {
        String field = e.field() == null ? "$" : e.field();
        return ProblemResponses.of(Problem.of(400, "Invalid request", e.getMessage())
                .withErrors(List.of(new Problem.FieldError(field, e.reason().name()))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() || original.getStatus() < 400) {
            return original; // already a deliberate response (e.g. a problem built by a resource)
        }
        Response.StatusType status = original.getStatusInfo();
        return ProblemResponses.of(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unhandled error", e);
        return ProblemResponses.of(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it has been logged"));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
