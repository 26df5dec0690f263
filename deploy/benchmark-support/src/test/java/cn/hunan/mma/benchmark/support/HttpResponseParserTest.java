package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpResponseParserTest {

    @Test
    void a_content_length_body_split_across_reads_completes_at_its_last_byte() {
        HttpResponseParser parser = new HttpResponseParser(false);
        String response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n[{\"a\":123}]";
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);

        // Fed in pieces of 7 bytes: done only with the last piece.
        for (int from = 0; from < bytes.length; from += 7) {
            boolean last = from + 7 >= bytes.length;
            assertThat(parser.feed(ByteBuffer.wrap(bytes, from, Math.min(7, bytes.length - from)))).isEqualTo(last);
        }
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.bodyBytes()).isEqualTo(11);
        assertThat(parser.closeAfter()).isFalse();
    }

    @Test
    void a_chunked_body_counts_its_data_without_the_framing() {
        HttpResponseParser parser = new HttpResponseParser(false);
        // 5 + 16 data bytes (0x10), a chunk extension, a trailer.
        String response = "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\nhello\r\n10;x=y\r\n0123456789abcdef\r\n0\r\nX-Trailer: 1\r\n\r\n";

        assertThat(parser.feed(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)))).isTrue();
        assertThat(parser.status()).isEqualTo(400);
        assertThat(parser.bodyBytes()).isEqualTo(21);
        assertThat(parser.closeAfter()).isTrue();
    }

    @Test
    void reset_reads_the_next_response_on_the_same_connection() {
        HttpResponseParser parser = new HttpResponseParser(false);
        parser.feed(ByteBuffer.wrap("HTTP/1.1 429 Too Many\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1)));
        parser.reset();

        assertThat(parser.feed(ByteBuffer.wrap("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))).isTrue();
        assertThat(parser.status()).isEqualTo(204);
        assertThat(parser.bodyBytes()).isZero();
    }

    @Test
    void a_kept_body_and_the_headers_are_available_after_a_chunked_answer_split_across_reads() {
        HttpResponseParser parser = new HttpResponseParser(true);
        String response = "HTTP/1.1 201 Created\r\nETag: \"3\"\r\nLocation: /api/v1/referrals/r-1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + "9\r\n{\"id\":\"r-\r\n" + "3\r\n1\"}\r\n0\r\n\r\n";
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);

        boolean done = false;
        for (int from = 0; from < bytes.length; from += 5) {
            done = parser.feed(ByteBuffer.wrap(bytes, from, Math.min(5, bytes.length - from)));
        }
        assertThat(done).isTrue();
        assertThat(parser.status()).isEqualTo(201);
        assertThat(parser.header("etag")).contains("\"3\"");
        assertThat(parser.header("If-Match")).isEmpty();
        assertThat(parser.bodyText()).isEqualTo("{\"id\":\"r-1\"}");
        assertThat(parser.bodyBytes()).isEqualTo(12);
    }

    @Test
    void the_next_response_on_the_connection_keeps_only_its_own_body_and_headers() {
        HttpResponseParser parser = new HttpResponseParser(true);
        parser.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nETag: \"1\"\r\nContent-Length: 10\r\n\r\n0123456789".getBytes(StandardCharsets.ISO_8859_1)));
        parser.reset();

        assertThat(parser.feed(ByteBuffer.wrap("HTTP/1.1 409 Conflict\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1)))).isTrue();
        assertThat(parser.bodyText()).isEqualTo("{}");
        assertThat(parser.header("ETag")).isEmpty();
    }

    @Test
    void a_parser_that_only_counts_refuses_to_hand_out_a_body() {
        HttpResponseParser parser = new HttpResponseParser(false);
        parser.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1)));
        assertThatThrownBy(parser::body).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_response_that_is_not_http_is_refused() {
        HttpResponseParser parser = new HttpResponseParser(false);
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
