package cn.hunan.mma.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body over {@link BodyLimit} is refused as a problem, like every other client mistake. Quarkus refuses it
 * itself, in a route that runs before Quarkus REST and its mappers, with an empty 413: on the declared
 * {@code Content-Length} (route order {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}), and for a body sent without one
 * (chunked) in the stream Quarkus REST reads it from, once more than the limit has arrived. Neither can be told to
 * answer otherwise, so: a declared length over the limit is answered here, one route earlier; a body without one is
 * counted by {@link ChunkedBodyLimit} as Quarkus REST reads it, which throws a problem its mappers answer, and Quarkus's
 * own count (the {@code io.quarkus.max-request-size} the upload-limit route leaves for that stream) is taken back, or
 * it would answer first.
 */
@Singleton
public class OversizedBodies {

    /** Where Quarkus's upload-limit route leaves the limit for the stream of a body without a declared length. */
    static final String QUARKUS_STREAM_LIMIT = "io.quarkus.max-request-size";

    private final BodyLimit limit;
    private final ObjectMapper json;

    public OversizedBodies(BodyLimit limit, ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    void install(@Observes Router router) {
        if (limit.bytes().isEmpty()) {
            return;
        }
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOverLimit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::countUndeclared);
    }

    private void refuseDeclaredOverLimit(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared)) {
            closeOnceAnswered(context); // the client may still be sending the body nobody will read, as Quarkus does
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(problem()));
            return;
        }
        context.next();
    }

    private void countUndeclared(RoutingContext context) {
        boolean undeclared = context.remove(QUARKUS_STREAM_LIMIT) != null;
        if (undeclared && isHttp1(context) && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // A chunked body refused part-read: the rest of it must not be taken for the connection's next request.
            // Decided as the answer's headers go out; the end handler is added now, as Vert.x refuses one added while
            // the response is being ended. (Not for a request without a body, such as every GET: nothing to skip.)
            AtomicBoolean close = new AtomicBoolean();
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() == 413 && !context.request().isEnded()) {
                    context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                    close.set(true);
                }
            });
            context.addEndHandler(ended -> {
                if (close.get()) {
                    context.request().connection().close();
                }
            });
        }
        context.next();
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit.bytes().orElseThrow();
        } catch (NumberFormatException malformed) {
            return false; // Vert.x refuses a malformed length before any route
        }
    }

    private static void closeOnceAnswered(RoutingContext context) {
        if (isHttp1(context)) {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            context.addEndHandler(ended -> context.request().connection().close());
        }
    }

    /** HTTP/2 refuses one stream, and must not end the connection's other streams with it. */
    private static boolean isHttp1(RoutingContext context) {
        return context.request().version() != HttpVersion.HTTP_2;
    }

    private byte[] problem() {
        try {
            return json.writeValueAsBytes(limit.exceeded());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
