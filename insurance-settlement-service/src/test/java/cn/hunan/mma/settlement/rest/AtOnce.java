package cn.hunan.mma.settlement.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** HTTP requests sent at the same moment from threads of their own, as two officers (or a double click) would. */
final class AtOnce {

    /** Work done while the requests are in flight: holding, then releasing, what they wait on. */
    interface Meanwhile {
        void run() throws Exception;
    }

    private AtOnce() {
    }

    /** The requests' status codes, in the order given; {@code meanwhile} runs once all have been started. */
    static List<Integer> statuses(List<Callable<Integer>> requests, Meanwhile meanwhile) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (Callable<Integer> request : requests) {
                sent.add(senders.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            meanwhile.run();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : sent) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            senders.shutdownNow();
        }
    }
}
