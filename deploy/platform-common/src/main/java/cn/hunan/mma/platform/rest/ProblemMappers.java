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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Optional;

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

    /** A body Jackson could not read: where and what was expected, never the value ({@link UnreadableBody}). */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof ContractViolation violation) {
            return contractViolation(violation.atField(UnreadableBody.path(mapping)));
        }
        return ProblemResponses.of(UnreadableBody.of(e));
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

    /**
     * A query parameter its type cannot hold ({@code page=abc} for an {@code int}) is, as JAX-RS requires, a
     * {@code NotFoundException} wrapping the converter's exception: a 404 that sends the caller looking for a missing
     * endpoint. It is a mistake in the request, so 400 naming the parameter and what it takes. A path parameter that
     * cannot be converted stays 404 — a path no value of the parameter's type can fill names no resource — and so does
     * every other 404 (unknown id, unknown path), answered by {@link #webApplication}.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        return unconvertedQueryParameter(e, resource, uri)
                .map(parameter -> {
                    String expected = "expected " + ExpectedShape.of(parameter.type());
                    return ProblemResponses.of(Problem.of(400, "Invalid query parameter", parameter.name() + ": " + expected)
                            .withErrors(List.of(new Problem.FieldError(parameter.name(), expected))));
                })
                .orElseGet(() -> webApplication(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() || original.getStatus() < 400) {
            return original; // already a deliberate response (e.g. a problem built by a resource)
        }
        if (original.getStatus() == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus REST's JSON reader wraps a syntax error (and a binding error other than a mismatched value)
            // in a bare 400, whose message is only "HTTP 400 Bad Request".
            return unreadableJson(unreadable);
        }
        Response.StatusType status = original.getStatusInfo();
        return ProblemResponses.of(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unhandled error", e);
        return ProblemResponses.of(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it has been logged"));
    }

    /**
     * The query parameter that failed, when {@code e} is a conversion failure (it wraps the converter's exception, which
     * an unknown id's or path's 404 does not) inside a matched resource method; else empty.
     */
    private static Optional<UnconvertedParameter> unconvertedQueryParameter(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() == null || e.getCause() instanceof WebApplicationException
                || resource == null || resource.getResourceMethod() == null || uri == null) {
            return Optional.empty();
        }
        return UnconvertedParameter.find(resource.getResourceMethod(), uri.getQueryParameters(), uri.getPathParameters())
                .filter(UnconvertedParameter::inQuery);
    }
}
