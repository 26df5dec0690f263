package cn.hunan.mma.benchmark.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A fixed set of HTTP/1.1 keep-alive connections driven by one selector thread, one request per
 * connection at a time (no pipelining) — what wrk does, in the load generator's own JVM.
 *
 * <p>Why not {@code java.net.http.HttpClient}: at 2,000 requests/s it took about a third of a core
 * (its per-request futures, flow subscribers, header maps and executor hops), on a 2-vCPU machine
 * where every cycle the harness spends is taken from the service it measures. Here a request is
 * bytes prepared by the caller ({@link #encode}), written by the caller's thread straight into the
 * socket, and its answer is parsed in place by the selector thread ({@link HttpResponseParser}):
 * status, headers, and the body counted — or kept, when the caller needs it (e.g. an id in a
 * creation's answer).
 *
 * <p>Threads: {@link #send} may be called by any thread, but only with a connection it took from
 * {@link #idle()} — the caller bounds requests in flight by the number of connections. Completions
 * run on the selector thread, so a completion may send the next request of a flow at once (with a
 * connection from {@link #idle()}); it must not block. Everything else — reading, timing out,
 * closing — happens on the selector thread too, and a connection goes back to the idle queue before
 * its request's completion is reported.
 */
public final class HttpConnections implements AutoCloseable {

    /** The failure of a request that had no complete answer by its deadline. */
    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION_REFUSED = "connection refused";

    /** How a request ended: an answer (failure null), or no answer (response null) and a failure kind. */
    public interface Completion {
        void completed(HttpResponseParser response, String failure);
    }

    private static final long TIMEOUT_SCAN_MILLIS = 5;

    private final InetSocketAddress address;
    private final String hostHeader;
    private final Selector selector;
    private final List<Connection> all = new ArrayList<>();
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private volatile boolean running = true;

    /**
     * @param keepBodies whether answers' bodies are kept for the completion ({@link HttpResponseParser#body()});
     *                   otherwise they are only counted
     */
    public HttpConnections(URI baseUrl, int connections, boolean keepBodies) throws IOException {
        this.address = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
        this.hostHeader = baseUrl.getHost() + ":" + baseUrl.getPort();
        this.selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            Connection connection = new Connection(keepBodies);
            all.add(connection);
            idle.add(connection);
        }
        this.loop = new Thread(this::selectUntilClosed, "http-connections");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * A request's bytes: the request line, {@code Host}, the given headers (name, value, name,
     * value, …; a null value leaves its header out), and with a body its {@code Content-Length}.
     * Header values are ASCII (tokens, ETags, media types); the body is UTF-8.
     */
    public byte[] encode(String method, String pathAndQuery, String body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs");
        }
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256 + (content == null ? 0 : 32))
                .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
        }
        if (content != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (content == null) {
            return headBytes;
        }
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    /** A connection with no request in flight, or null if all are busy. */
    public Connection idle() {
        return idle.poll();
    }

    /**
     * Writes the request on the connection (reconnecting it first if it was closed) and completes it
     * on the selector thread by {@code deadlineNanos} at the latest.
     */
    public void send(Connection connection, byte[] request, long deadlineNanos, Completion completion) {
        try {
            connection.ensureOpen();
            connection.parser.reset();
            connection.deadlineNanos = deadlineNanos;
            connection.completion = completion; // volatile: publishes the fields above to the selector thread
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                // A request of a few hundred bytes to a couple of KiB into an idle keep-alive socket:
                // the kernel buffer takes it at once.
                connection.channel.write(out);
            }
        } catch (IOException e) {
            connection.completion = null;
            connection.close();
            idle.add(connection);
            completion.completed(null, e instanceof ConnectException ? CONNECTION_REFUSED : "I/O: " + e.getClass().getSimpleName());
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
                finish(connection, completion, null, "I/O: connection closed by the server", true);
                return;
            }
            in.flip();
            if (completion != null && connection.parser.feed(in)) {
                finish(connection, completion, connection.parser, null, connection.parser.closeAfter());
            }
        } catch (IOException | IllegalStateException e) {
            finish(connection, completion, null, "I/O: " + e.getClass().getSimpleName(), true);
        }
    }

    private void expire(long now) {
        for (Connection connection : all) {
            Completion completion = connection.completion;
            if (completion != null && now - connection.deadlineNanos > 0) {
                finish(connection, completion, null, TIMEOUT, true);
            }
        }
    }

    /**
     * The parser is handed to the completion as the response: it is reset only by the connection's
     * next {@link #send}, and the connection is only reused by whoever takes it from the idle queue —
     * the completion itself, at the earliest, after reading what it needs.
     */
    private void finish(Connection connection, Completion completion, HttpResponseParser response, String failure, boolean close) {
        connection.completion = null;
        if (close) {
            connection.close();
        }
        if (completion == null) {
            return; // an idle connection the server closed: already in the idle queue, reopened on its next use
        }
        idle.add(connection);
        completion.completed(response, failure);
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
    public final class Connection {
        private SocketChannel channel;
        private final HttpResponseParser parser;
        private long deadlineNanos;
        private volatile Completion completion;

        private Connection(boolean keepBodies) {
            this.parser = new HttpResponseParser(keepBodies);
        }

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
