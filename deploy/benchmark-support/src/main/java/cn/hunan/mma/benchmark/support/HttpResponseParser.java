package cn.hunan.mma.benchmark.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads one HTTP/1.1 response from the bytes as they arrive: the status, the headers, the body's
 * length and whether the server closes the connection after it. The body is counted, and stored
 * only when asked for ({@code keepBody}: a load generator that only reports statuses keeps none).
 * Bodies are framed by {@code Content-Length} or by chunked transfer coding (trailers are skipped);
 * a response with neither would end at the connection's close, which a keep-alive server never
 * does, so it is refused as malformed.
 */
public final class HttpResponseParser {

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILERS, DONE }

    private static final int MAX_LINE = 8 * 1024;

    private final StringBuilder line = new StringBuilder(128);
    private State state;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean closeAfter;
    private long remaining;
    private long bodyBytes;
    private boolean firstLine;
    private final boolean keepBody;
    private final List<String> headers = new ArrayList<>(); // name, value, name, value, …
    private byte[] body = new byte[0];

    public HttpResponseParser(boolean keepBody) {
        this.keepBody = keepBody;
        reset();
    }

    public void reset() {
        headers.clear();
        state = State.HEAD;
        line.setLength(0);
        status = -1;
        contentLength = -1;
        chunked = false;
        closeAfter = false;
        remaining = 0;
        bodyBytes = 0;
        firstLine = true;
    }

    /** Consumes the buffer; true once the whole response has been read. */
    public boolean feed(ByteBuffer in) {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case HEAD, CHUNK_SIZE, CHUNK_DATA_END, TRAILERS -> {
                    String complete = readLine(in);
                    if (complete != null) {
                        onLine(complete);
                    }
                }
                case BODY, CHUNK_DATA -> {
                    int take = (int) Math.min(remaining, in.remaining());
                    if (keepBody) {
                        keep(in, take);
                    }
                    in.position(in.position() + take);
                    remaining -= take;
                    bodyBytes += take;
                    if (remaining == 0) {
                        state = state == State.BODY ? State.DONE : State.CHUNK_DATA_END;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE;
    }

    public int status() {
        return status;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    public boolean closeAfter() {
        return closeAfter;
    }

    /** The first header of that name (case-insensitive), trimmed. */
    public Optional<String> header(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return Optional.of(headers.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The body's bytes, chunked framing removed; only when the parser keeps bodies. */
    public byte[] body() {
        if (!keepBody) {
            throw new IllegalStateException("this parser counts bodies without keeping them");
        }
        return Arrays.copyOf(body, (int) bodyBytes);
    }

    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Appends {@code take} bytes from the buffer's position (not moved) after the body kept so far. */
    private void keep(ByteBuffer in, int take) {
        int from = (int) bodyBytes;
        if (from + take > body.length) {
            body = Arrays.copyOf(body, Math.max(from + take, Math.max(256, body.length * 2)));
        }
        in.get(in.position(), body, from, take);
    }

    private String readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                String complete = line.substring(0, end);
                line.setLength(0);
                return complete;
            }
            if (line.length() >= MAX_LINE) {
                throw new IllegalStateException("response line longer than " + MAX_LINE);
            }
            line.append(c);
        }
        return null;
    }

    private void onLine(String text) {
        switch (state) {
            case HEAD -> head(text);
            case CHUNK_SIZE -> {
                int extension = text.indexOf(';');
                long size = Long.parseLong((extension < 0 ? text : text.substring(0, extension)).trim(), 16);
                if (size == 0) {
                    state = State.TRAILERS;
                } else {
                    remaining = size;
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_DATA_END -> state = State.CHUNK_SIZE; // the CRLF after a chunk's data
            case TRAILERS -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void head(String text) {
        if (firstLine) {
            firstLine = false;
            // "HTTP/1.1 200 OK"
            int space = text.indexOf(' ');
            if (!text.startsWith("HTTP/1.") || space < 0 || text.length() < space + 4) {
                throw new IllegalStateException("not an HTTP/1.x status line: " + text);
            }
            status = Integer.parseInt(text.substring(space + 1, space + 4));
            closeAfter = text.startsWith("HTTP/1.0");
            return;
        }
        if (!text.isEmpty()) {
            headerLine(text);
            return;
        }
        // End of the head.
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = State.BODY;
        } else if (contentLength == 0 || status == 204 || status == 304 || status / 100 == 1) {
            state = State.DONE;
        } else {
            throw new IllegalStateException("a response without Content-Length or chunked coding");
        }
    }

    private void headerLine(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = text.substring(0, colon).trim();
        String value = text.substring(colon + 1).trim();
        headers.add(name);
        headers.add(value);
        if (name.equalsIgnoreCase("content-length")) {
            contentLength = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("transfer-encoding")) {
            chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
        } else if (name.equalsIgnoreCase("connection")) {
            closeAfter = value.equalsIgnoreCase("close");
        }
    }
}
