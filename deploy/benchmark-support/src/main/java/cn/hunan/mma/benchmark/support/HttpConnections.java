package cn.hunan.mma.benchmark.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A fixed set of HTTP/1.1 keep-alive connections driven by one selector thread, one request per
 * connection at a time (no pipelining) — what wrk does, in the generator's own JVM.
 *
 * <p>Why not {@code java.net.http.HttpClient}: at 2,000 requests/s it took about a third of a core
 * (its per-request futures, flow subscribers, header maps and executor hops), on a 2-vCPU machine
 * where every cycle the harness spends is taken from the service it measures. Here a request is
 * bytes prepared once ({@link #encode}), written by the caller's thread straight into the socket,
 * and its answer is parsed in place by the selector thread: status line, {@code Content-Length} or
 * chunked body, counted and dropped.
 *
 * <p>Threads: {@link #send} is called by one thread (the schedule's) and only with a connection
 * taken from {@link #idle()} — the caller bounds requests in flight by the number of connections.
 * Everything else — reading, completing, timing out, closing — happens on the selector thread, and
 * a connection goes back to the idle queue before its request's completion is reported.
 */
final class HttpConnections implements AutoCloseable {

    /** How a request ended: an HTTP status with its body length, or a failure outcome ({@link Outcome}). */
    interface Completion {
        void completed(int status, long bodyBytes, String failure);
    }

    private static final long TIMEOUT_SCAN_MILLIS = 5;

    private final InetSocketAddress address;
    private final String hostHeader;
    private final Selector selector;
    private final List<Connection> all = new ArrayList<>();
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private volatile boolean running = true;

    HttpConnections(URI baseUrl, int connections) throws IOException {
        this.address = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
        this.hostHeader = baseUrl.getHost() + ":" + baseUrl.getPort();
        this.selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            Connection connection = new Connection();
            all.add(connection);
            idle.add(connection);
        }
        this.loop = new Thread(this::selectUntilClosed, "http-connections");
        loop.setDaemon(true);
        loop.start();
    }

    /** The request's bytes, built once per planned query. */
    byte[] encode(PlannedQuery query) {
        StringBuilder head = new StringBuilder(256)
                .append("GET ").append(query.pathAndQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Accept: application/json\r\n");
        query.bearerToken().ifPresent(token -> head.append("Authorization: Bearer ").append(token).append("\r\n"));
        return head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A connection with no request in flight, or null if all are busy. */
    Connection idle() {
        return idle.poll();
    }

    /**
     * Writes the request on the connection (reconnecting it first if it was closed) and completes it
     * on the selector thread by {@code deadlineNanos} at the latest.
     */
    void send(Connection connection, byte[] request, long deadlineNanos, Completion completion) {
        try {
            connection.ensureOpen();
            connection.parser.reset();
            connection.deadlineNanos = deadlineNanos;
            connection.completion = completion; // volatile: publishes the fields above to the selector thread
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                // A few hundred bytes into an idle keep-alive socket: the kernel buffer takes them at once.
                connection.channel.write(out);
            }
        } catch (IOException e) {
            connection.completion = null;
            connection.close();
            idle.add(connection);
            completion.completed(-1, -1, e instanceof ConnectException ? "connection refused" : "I/O: " + e.getClass().getSimpleName());
        }
    }

    private void selectUntilClosed() {
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        while (running) {
            try {
                selector.select(TIMEOUT_SCAN_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    read((Connection) key.attachment(), in);
                }
                selector.selectedKeys().clear();
                expire(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.err.println("[load] selector: " + e);
                }
            }
        }
    }

    private void read(Connection connection, ByteBuffer in) {
        Completion completion = connection.completion;
        try {
            in.clear();
            int read = connection.channel.read(in);
            if (read < 0) {
                finish(connection, completion, -1, -1, "I/O: connection closed by the server", true);
                return;
            }
            in.flip();
            if (completion != null && connection.parser.feed(in)) {
                ResponseParser parser = connection.parser;
                finish(connection, completion, parser.status(), parser.bodyBytes(), null, parser.closeAfter());
            }
        } catch (IOException | IllegalStateException e) {
            finish(connection, completion, -1, -1, "I/O: " + e.getClass().getSimpleName(), true);
        }
    }

    private void expire(long now) {
        for (Connection connection : all) {
            Completion completion = connection.completion;
            if (completion != null && now - connection.deadlineNanos > 0) {
                finish(connection, completion, -1, -1, Outcome.TIMEOUT, true);
            }
        }
    }

    private void finish(Connection connection, Completion completion, int status, long bytes, String failure, boolean close) {
        connection.completion = null;
        if (close) {
            connection.close();
        }
        if (completion == null) {
            return; // an idle connection the server closed: already in the idle queue, reopened on its next use
        }
        idle.add(connection);
        completion.completed(status, bytes, failure);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        loop.join(1000);
        all.forEach(Connection::close);
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** One keep-alive connection; opened lazily and again after a timeout or a server close. */
    final class Connection {
        private SocketChannel channel;
        private final ResponseParser parser = new ResponseParser();
        private long deadlineNanos;
        private volatile Completion completion;

        private void ensureOpen() throws IOException {
            if (channel != null && channel.isOpen()) {
                return;
            }
            SocketChannel opened = SocketChannel.open();
            try {
                opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
                opened.connect(address);
                opened.configureBlocking(false);
                // Allowed while the selector thread is selecting (JDK 11+); it joins the next selection.
                opened.register(selector, SelectionKey.OP_READ, this);
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            channel = opened;
            selector.wakeup();
        }

        private void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
    }
}
