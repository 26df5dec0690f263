package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.service.RegistryConflictException;
import cn.hunan.mma.navigation.registry.service.RegistryRuleException;
import cn.hunan.mma.navigation.registry.service.RegistryUnavailableException;
import cn.hunan.mma.navigation.registry.service.StaleVersionException;
import cn.hunan.mma.navigation.registry.service.VersionRequiredException;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** problem+json for refused registry edits. */
public class RegistryEditProblems {

    private static final Logger LOG = Logger.getLogger(RegistryEditProblems.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response ruleBroken(RegistryRuleException e) {
        RuleViolation violation = e.violation();
        return ProblemResponses.of(Problem.of(400, "Registry rule broken", e.getMessage())
                .withErrors(List.of(new Problem.FieldError(violation.field(), violation.reason()))));
    }

    @ServerExceptionMapper
    public Response conflict(RegistryConflictException e) {
        return ProblemResponses.of(Problem.of(409, "Conflict", e.getMessage()));
    }

    /** Nothing the caller sent is wrong: the database could not do the edit now (nothing of it was written). */
    @ServerExceptionMapper
    public Response unavailable(RegistryUnavailableException e) {
        LOG.warn("A registry edit could not be done now", e);
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "Service Unavailable", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e) {
        return ProblemResponses.of(Problem.of(412, "Precondition Failed", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response versionRequired(VersionRequiredException e) {
        return ProblemResponses.of(Problem.of(428, "Precondition Required", e.getMessage()));
    }
}
