package cn.hunan.mma.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems a service's clients get over the wire from this library, in a running Quarkus app with a 64 KiB body
 * limit ({@link EchoResource} is the test app's only endpoint).
 */
@QuarkusTest
@TestProfile(ProblemsOverHttpTest.SmallBodyLimit.class)
class ProblemsOverHttpTest {

    /** Over Quarkus REST's 10 KiB in-memory buffer, so a chunked body near the limit is streamed as in production. */
    public static class SmallBodyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "64K", "quarkus.devservices.enabled", "false");
        }
    }

    private static final int LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/test/echo")
    URI echo;

    @Test
    void a_body_declared_over_the_limit_is_refused_as_a_413_problem_naming_the_limit() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(directoryOf(LIMIT + 1)));

        assertPayloadTooLarge(response);
    }

    @Test
    void a_chunked_body_over_the_limit_is_refused_as_the_same_problem() throws Exception {
        HttpResponse<String> response = post(chunked(directoryOf(LIMIT + 1)));

        assertPayloadTooLarge(response);
    }

    @Test
    void a_chunked_body_within_the_limit_is_read_whole_in_memory_or_streamed() throws Exception {
        for (int size : new int[] {200, 20_000, LIMIT}) {
            HttpResponse<String> response = post(chunked(directoryOf(size)));

            assertThat(response.statusCode()).as("%d bytes", size).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("directory").asText()).as("%d bytes", size)
                    .hasSize(size - "{\"directory\":\"\"}".length());
        }
    }

    @Test
    void a_number_where_the_contract_says_text_is_a_400_problem_naming_the_field() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString("{\"directory\":42}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asText()).isEqualTo("directory: expected a string");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("directory");
    }

    @Test
    void an_amount_typed_as_a_json_number_is_still_read_as_written() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString("{\"amount\":123.45,\"budget\":1000000.00}"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode filing = JSON.readTree(response.body());
        assertThat(filing.get("amount").asText()).isEqualTo("123.45");
        assertThat(filing.get("budget").asText()).isEqualTo("1000000.00");
    }

    private static void assertPayloadTooLarge(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(response.headers().firstValue("Connection")).as("the unread rest of the body ends the connection")
                .hasValue("close");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("title").asText()).isEqualTo("Payload Too Large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asText())
                .isEqualTo("the request body is larger than this service accepts: at most 64 KiB (65536 bytes)");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(echo).header("Content-Type", "application/json").POST(body)
                .timeout(Duration.ofSeconds(30)) // a connection left waiting for the body's unread rest fails, not hangs
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** No Content-Length: the client sends it in chunks. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    /** A JSON body of exactly {@code size} bytes. */
    private static byte[] directoryOf(int size) {
        String frame = "{\"directory\":\"\"}";
        return ("{\"directory\":\"" + "d".repeat(size - frame.length()) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
