package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.navigation.ranking.CallerKind;
import cn.hunan.mma.navigation.ranking.adapters.NavigationSettings;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.security.InvalidScopeClaimException;
import cn.hunan.mma.platform.security.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The two recommendation endpoints as plain Vert.x routes on the event loop, in front of
 * {@link RecommendationResource} (same paths, registered before Quarkus REST's handler; the public
 * one before authentication too, as it needs no identity), unless {@code mma.navigation.fast-route=false}.
 *
 * <p>Why: in the navigation benchmark (2,000 requests/s on two cores) the recommender and its JSON
 * are a fraction of a request's CPU; the rest was the HTTP stack around them — the REST
 * request context, {@code @BeanParam} injection, the interceptor and security chain, context
 * propagation, CDI request-context activation. A route reads the parameters, asks
 * {@link RecommendationAnswers} and writes the bytes, nothing more.
 *
 * <p>Same contract as the resource, which the API tests check through whichever layer is on:
 * problem+json for every refusal (the platform mappers' titles and fields), the public endpoint's
 * rate limit with {@code Retry-After}, and for referrals a verified bearer token holding one of the
 * resource's roles — the identity comes from Quarkus's own HTTP authentication (the deferred
 * identity of {@code quarkus.http.auth.proactive=false}), so tokens are verified, cached and
 * augmented exactly as for every other endpoint.
 */
@Singleton
public class RecommendationRoutes {

    static final String PUBLIC = "/api/v1/navigation/recommendations";
    static final String REFERRAL = "/api/v1/navigation/referral-recommendations";
    private static final List<String> REFERRAL_ROLES = List.of(Role.INSTITUTION_USER_NAME,
            Role.ALLIANCE_OPERATOR_NAME, Role.CITY_OPERATOR_NAME, Role.PROVINCE_ADMIN_NAME);
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(Problem.MEDIA_TYPE);
    private static final Logger LOG = Logger.getLogger(RecommendationRoutes.class);

    private final RecommendationAnswers answers;
    private final ObjectMapper json;
    private final boolean enabled;

    public RecommendationRoutes(RecommendationAnswers answers, ObjectMapper json, NavigationSettings settings) {
        this.answers = answers;
        this.json = json;
        this.enabled = settings.fastRoute();
    }

    void register(@Observes Router router) {
        if (!enabled) {
            return;
        }
        // The public endpoint needs no identity, so it goes before authentication (after the body and CORS
        // handlers): Quarkus's authentication handler builds a deferred identity for every request, and the
        // REST layer's observability handler behind it builds a request mapper for every request to find the
        // path template — together about a third of what a public answer allocated (the navigation benchmark).
        router.get(PUBLIC).order(-SecurityHandlerPriorities.AUTHENTICATION - 1).handler(this::forPatients);
        // Referrals need the verified token: after authentication, before Quarkus REST (ROUTE_ORDER_DEFAULT).
        router.get(REFERRAL).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::forReferringDoctors);
    }

    void forPatients(RoutingContext context) {
        try {
            var limited = answers.rateLimited(context.request().remoteAddress().hostAddress());
            if (limited.isPresent()) {
                write(context, limited.get());
                return;
            }
            recommend(context, CallerKind.PUBLIC);
        } catch (RuntimeException e) {
            fail(context, e);
        }
    }

    void forReferringDoctors(RoutingContext context) {
        // Without a token there is nothing to verify: refused at once, as the resource's security check would.
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            writeUnauthorized(context, "a bearer token is required");
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> {
                    try {
                        if (identity == null || identity.isAnonymous()) {
                            writeUnauthorized(context, "a bearer token is required");
                        } else if (!mayRefer(identity)) {
                            write(context, Problem.of(403, "Forbidden", "the caller's roles do not allow this operation"), 0);
                        } else {
                            recommend(context, CallerKind.REFERRING_DOCTOR);
                        }
                    } catch (RuntimeException e) {
                        fail(context, e);
                    }
                },
                failure -> {
                    if (failure instanceof InvalidScopeClaimException invalidScope) {
                        writeUnauthorized(context, invalidScope.getMessage());
                    } else if (failure instanceof AuthenticationFailedException) {
                        writeUnauthorized(context, "the bearer token is invalid or expired");
                    } else {
                        fail(context, failure);
                    }
                });
    }

    private static boolean mayRefer(SecurityIdentity identity) {
        for (String role : REFERRAL_ROLES) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    private void recommend(RoutingContext context, CallerKind caller) {
        RecommendationQuery query;
        try {
            query = RecommendationQuery.fromUri(context.request().uri());
        } catch (IllegalArgumentException e) {
            // A malformed %-escape (QueryString): the caller's mistake. Vert.x refuses such targets before
            // routing (RecommendationApiTest); this keeps one that gets through from becoming a 500.
            write(context, Problem.of(400, "Bad Request", "the query string is malformed: " + e.getMessage()), 0);
            return;
        }
        RecommendationAnswers.Answer answer;
        try {
            answer = answers.answer(query.toRequest(caller), query.limit());
        } catch (ContractViolation e) {
            // As the platform's ContractViolation mapper words it.
            String field = e.field() == null ? "$" : e.field();
            answer = new RecommendationAnswers.Answer(null, Problem.of(400, "Invalid request", e.getMessage())
                    .withErrors(List.of(new Problem.FieldError(field, e.reason().name()))), 0);
        }
        write(context, answer);
    }

    private void write(RoutingContext context, RecommendationAnswers.Answer answer) {
        if (answer.problem() == null) {
            writeRanking(context.response(), answer.json());
        } else {
            write(context, answer.problem(), answer.retryAfterSeconds());
        }
    }

    /**
     * A 200 with the ranking, releasing its pooled buffer exactly once: Vert.x writes a buffer that is
     * not its own without releasing it, so it goes back to the pool here once written, or once the
     * write has failed (a connection closed meanwhile).
     */
    static void writeRanking(HttpServerResponse response, ByteBuf json) {
        try {
            response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                    .end(Buffer.buffer(json)).onComplete(written -> json.release());
        } catch (RuntimeException e) {
            json.release(); // the response had ended already: nothing was written
            throw e;
        }
    }

    private void writeUnauthorized(RoutingContext context, String detail) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        write(context, Problem.of(401, "Unauthorized", detail), 0);
    }

    private void write(RoutingContext context, Problem problem, long retryAfterSeconds) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        if (retryAfterSeconds > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        try {
            response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                    .end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            fail(context, e);
        }
    }

    /** A fault of ours: logged, and only a generic 500 problem for the caller (as the platform's mapper does). */
    private void fail(RoutingContext context, Throwable e) {
        LOG.error("Unhandled error", e);
        HttpServerResponse response = context.response();
        if (!response.ended()) {
            response.setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                    .end("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                            + "\"detail\":\"an unexpected error occurred; it has been logged\"}");
        }
    }
}
