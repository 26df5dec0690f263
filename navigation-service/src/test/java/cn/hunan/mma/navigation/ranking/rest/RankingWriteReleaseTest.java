package cn.hunan.mma.navigation.ranking.rest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The route answers from a pooled direct buffer that Vert.x does not release (it wraps foreign
 * buffers as unreleasable): {@link RecommendationRoutes#writeRanking} must hand it back to the pool
 * exactly once, or every answer would leak its size of direct memory. Checked on a real Vert.x
 * HTTP server and client connection.
 */
class RankingWriteReleaseTest {

    private static final String RANKING = "[{\"institutionName\":\"湘潭市中心医院\"}]";

    private Vertx vertx;
    private HttpServer server;
    private final AtomicReference<ByteBuf> written = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            ByteBuf json = pooled(RANKING);
            written.set(json);
            RecommendationRoutes.writeRanking(request.response(), json);
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void the_answer_arrives_whole_and_its_buffer_goes_back_to_the_pool() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(RANKING);
        assertThat(released(written.get())).as("released once the write completed").isTrue();
    }

    @Test
    void a_response_that_had_already_ended_releases_the_buffer_and_reports_the_fault() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        ByteBuf second = pooled(RANKING);
        HttpServer ending = vertx.createHttpServer().requestHandler(request -> {
            request.response().end("first");
            try {
                RecommendationRoutes.writeRanking(request.response(), second);
                refused.complete(null);
            } catch (RuntimeException e) {
                refused.complete(e);
            }
        });
        ending.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ending.actualPort() + "/")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.body()).isEqualTo("first");
        assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(second.refCnt()).isZero();
        assertThatThrownBy(second::release).as("released exactly once").isInstanceOf(RuntimeException.class);
    }

    private static ByteBuf pooled(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** Polls: the release follows the write's completion on the event loop, after the client has its bytes. */
    private static boolean released(ByteBuf buffer) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (buffer.refCnt() > 0 && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return buffer.refCnt() == 0;
    }
}
