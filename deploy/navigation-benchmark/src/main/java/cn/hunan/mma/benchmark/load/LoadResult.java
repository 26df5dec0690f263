package cn.hunan.mma.benchmark.load;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * What the load generator measured in the measured window, handed from its JVM to the benchmark
 * as JSON. The latency histogram (microseconds, from each request's due time to its last response
 * byte or its failure) travels in HdrHistogram's compressed form.
 *
 * @param outcomes          {@link Outcome} → count, over the measured requests
 * @param emptyRankings     2xx answers that ranked nobody ({@code []}): a hint the query mix is off
 * @param meanBodyBytes     mean size of a 2xx answer
 * @param maxSendLagMicros  how far behind its due time the worst request was handed to the client
 */
public record LoadResult(double rate, double measuredSeconds, long sent, long completed, Map<String, Long> outcomes,
                         long emptyRankings, long meanBodyBytes, long maxSendLagMicros, String latencyHistogram) {

    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    public Histogram latency() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(latencyHistogram)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("the load generator's histogram is corrupt", e);
        }
    }

    public long errors() {
        return outcomes.entrySet().stream().filter(e -> Outcome.isError(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    public long count(String outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }
}
