package cn.hunan.mma.benchmark.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for navigation-service: answers by path — {@code /ok} a ranking, {@code /empty} an
 * empty one, {@code /fail} 500, {@code /limited} 429, {@code /hang} never (until closed) — and
 * counts the bearer tokens it was sent.
 */
final class TinyServer implements AutoCloseable {

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    final Map<String, AtomicInteger> tokens = new ConcurrentHashMap<>();
    final AtomicInteger hangRequests = new AtomicInteger();

    TinyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::answer);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            tokens.computeIfAbsent(authorization, key -> new AtomicInteger()).incrementAndGet();
        }
        switch (exchange.getRequestURI().getPath()) {
            case "/ok" -> send(exchange, 200, "[{\"institutionId\":\"430321H0001\"}]");
            case "/empty" -> send(exchange, 200, "[]");
            case "/limited" -> send(exchange, 429, "{}");
            case "/hang" -> {
                hangRequests.incrementAndGet();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> send(exchange, 500, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
