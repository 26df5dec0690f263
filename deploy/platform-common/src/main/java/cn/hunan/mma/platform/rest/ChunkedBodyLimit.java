package cn.hunan.mma.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a request body sent without a {@code Content-Length} (chunked) as it is read, and refuses it with the
 * {@link BodyLimit} problem once it passes the limit (see {@link OversizedBodies} for why here and not in Quarkus's
 * stream). A body with a declared length was measured before it was read.
 */
@Provider
public class ChunkedBodyLimit implements ReaderInterceptor {

    private final BodyLimit limit;

    public ChunkedBodyLimit(BodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (limit.bytes().isPresent() && context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
            context.setInputStream(new CountedBody(context.getInputStream(), limit));
        }
        return context.proceed();
    }

    private static final class CountedBody extends FilterInputStream {

        private final BodyLimit limit;
        private final long max;
        private long read;

        CountedBody(InputStream body, BodyLimit limit) {
            super(body);
            this.limit = limit;
            this.max = limit.bytes().orElseThrow();
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = super.read(into, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw new WebApplicationException(ProblemResponses.of(limit.exceeded()));
            }
        }
    }
}
