package cn.hunan.mma.benchmark.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HttpConnectionsTest {

    /** What a completion saw, copied out before the connection can be reused. */
    record Answer(int status, String etag, String body, String failure) {
    }

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        // Echoes the method, If-Match and body back, with an ETag one above the If-Match.
        server.createContext("/echo", exchange -> {
            String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answer(exchange, 201, "\"" + (Integer.parseInt(ifMatch.replace("\"", "")) + 1) + "\"",
                    exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
        });
        server.createContext("/hang", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "\"0\"", "late");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void a_post_sends_its_body_and_headers_and_the_completion_sees_status_etag_and_body() throws Exception {
        try (HttpConnections client = new HttpConnections(baseUrl(), 2, true)) {
            byte[] request = client.encode("POST", "/echo", "{\"名\":\"湘潭\"}", "Content-Type", "application/json",
                    "If-Match", "\"41\"", "X-Left-Out", null);

            Answer answer = send(client, request, 5_000);

            assertThat(answer.failure()).isNull();
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.etag()).isEqualTo("\"42\"");
            assertThat(answer.body()).isEqualTo("POST application/json {\"名\":\"湘潭\"}");
        }
    }

    @Test
    void a_completion_may_send_the_next_request_of_a_flow_on_a_connection_it_takes() throws Exception {
        try (HttpConnections client = new HttpConnections(baseUrl(), 1, true)) {
            CompletableFuture<Answer> second = new CompletableFuture<>();
            client.send(client.idle(), client.encode("POST", "/echo", "a", "If-Match", "\"1\""), System.nanoTime() + 5_000_000_000L,
                    (first, failure) -> {
                        String etag = first.header("ETag").orElseThrow(); // read before the connection is reused
                        client.send(client.idle(), client.encode("POST", "/echo", "b", "If-Match", etag),
                                System.nanoTime() + 5_000_000_000L, (response, f) -> second.complete(answer(response, f)));
                    });

            Answer answer = second.get(10, TimeUnit.SECONDS);
            assertThat(answer.etag()).isEqualTo("\"3\"");
            assertThat(answer.body()).isEqualTo("POST null b");
        }
    }

    @Test
    void a_request_without_an_answer_by_its_deadline_fails_as_a_timeout_and_frees_its_connection() throws Exception {
        try (HttpConnections client = new HttpConnections(baseUrl(), 1, true)) {
            Answer answer = send(client, client.encode("GET", "/hang", null), 200);

            assertThat(answer.failure()).isEqualTo(HttpConnections.TIMEOUT);
            assertThat(answer.status()).isEqualTo(-1);
            assertThat(client.idle()).isNotNull();
        }
    }

    private static Answer send(HttpConnections client, byte[] request, long timeoutMillis) throws Exception {
        CompletableFuture<Answer> done = new CompletableFuture<>();
        client.send(client.idle(), request, System.nanoTime() + timeoutMillis * 1_000_000,
                (response, failure) -> done.complete(answer(response, failure)));
        return done.get(10, TimeUnit.SECONDS);
    }

    private static Answer answer(HttpResponseParser response, String failure) {
        return response == null ? new Answer(-1, null, null, failure)
                : new Answer(response.status(), response.header("ETag").orElse(null), response.bodyText(), null);
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String etag, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
