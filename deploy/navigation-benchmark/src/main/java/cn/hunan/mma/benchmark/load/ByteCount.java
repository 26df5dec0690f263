package cn.hunan.mma.benchmark.load;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Reads a response body to its end and keeps only its length: the answer counts as complete at
 * its last byte, but the generator's memory does not grow with the answers' size.
 */
final class ByteCount implements Flow.Subscriber<List<ByteBuffer>> {

    static final HttpResponse.BodyHandler<Long> HANDLER =
            info -> HttpResponse.BodySubscribers.fromSubscriber(new ByteCount(), ByteCount::bytes);

    private long bytes;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            bytes += buffer.remaining();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // the client completes the response exceptionally; nothing to keep
    }

    @Override
    public void onComplete() {
        // the finisher reads the count
    }

    long bytes() {
        return bytes;
    }
}
