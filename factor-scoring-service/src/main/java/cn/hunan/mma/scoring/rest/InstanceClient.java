package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to another instance of this service (scale-out: the totals are partitioned by scope),
 * made with the caller's own token so the other instance applies the same access checks.
 */
@ApplicationScoped
public class InstanceClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The other instance's answer, passed on as it is (status, body, content type). */
    Response forward(String hostAndPort, String path, String authorization) {
        try {
            HttpResponse<String> response = send(hostAndPort, path, authorization);
            return Response.status(response.statusCode()).entity(response.body())
                    .type(response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON)).build();
        } catch (IOException e) {
            return unreachable(hostAndPort);
        }
    }

    /** The other instance's answer as {@code type}; a failure there becomes a 503 here. */
    <T> T get(String hostAndPort, String path, String authorization, Class<T> type, ObjectMapper json) {
        try {
            HttpResponse<String> response = send(hostAndPort, path, authorization);
            if (response.statusCode() != 200) {
                throw new WebApplicationException(ProblemResponses.of(Problem.of(503, "Another instance could not answer",
                        "the instance " + hostAndPort + " answered " + response.statusCode())));
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new WebApplicationException(unreachable(hostAndPort));
        }
    }

    /** One GET to another instance, with the caller's token. */
    static HttpResponse<String> send(String hostAndPort, String path, String authorization) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostAndPort + path))
                .timeout(Duration.ofSeconds(5)).header(HttpHeaders.AUTHORIZATION, authorization == null ? "" : authorization).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Response unreachable(String hostAndPort) {
        return ProblemResponses.of(Problem.of(503, "Owning instance unreachable", "the instance " + hostAndPort + " did not answer"));
    }
}
