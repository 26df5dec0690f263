package cn.hunan.mma.benchmark.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * The service draining a backlog of {@code expected} discharges, sampled once a second from the
 * service's start: when the settled rows (plus the dead-lettered discharges) reach the backlog and the
 * published settlements are all out. Times run from the first sample that shows progress, so the
 * JVM's start-up is not counted against the throughput.
 *
 * <p>A version of a stay settled and replaced in one batch is stored but never announced (its correction lists it in
 * {@code supersedes}), so up to one settlement per correction is never published: the publications are out once they
 * reach the backlog less the corrections and a sample adds none.
 */
record Drain(long expected, List<SettlementProgress.Sample> samples) {

    interface Log {
        void say(String format, Object... args);
    }

    static Drain await(SettlementProgress progress, long expected, long corrections, long startedNanos, Duration stallTimeout,
                       Log log) throws Exception {
        List<SettlementProgress.Sample> samples = new ArrayList<>();
        samples.add(new SettlementProgress.Sample(startedNanos, 0, 0, 0));
        long lastProgress = System.nanoTime();
        long nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            TimeUnit.SECONDS.sleep(1);
            SettlementProgress.Sample sample = progress.sample();
            SettlementProgress.Sample previous = samples.get(samples.size() - 1);
            samples.add(sample);
            if (sample.settledRows() != previous.settledRows() || sample.published() != previous.published()
                    || sample.deadLettered() != previous.deadLettered()) {
                lastProgress = sample.nanos();
            }
            if (sample.nanos() - nextLog > 0) {
                log.say("  settled %,d, published %,d, dead-lettered %,d of %,d", sample.settledRows(), sample.published(),
                        sample.deadLettered(), expected);
                nextLog = sample.nanos() + TimeUnit.SECONDS.toNanos(10);
            }
            if (drained(sample, previous, expected, corrections)) {
                return new Drain(expected, List.copyOf(samples));
            }
            if (sample.nanos() - lastProgress > stallTimeout.toNanos()) {
                log.say("no progress for %d s: stopping the wait", stallTimeout.toSeconds());
                return new Drain(expected, List.copyOf(samples));
            }
        }
    }

    /** Whether the backlog is settled and its settlements published, {@code corrections} of them perhaps never. */
    static boolean drained(SettlementProgress.Sample sample, SettlementProgress.Sample previous, long expected, long corrections) {
        long published = sample.published() + sample.deadLettered();
        return sample.settledRows() + sample.deadLettered() >= expected
                && (published >= expected || published >= expected - corrections && sample.published() == previous.published());
    }

    SettlementProgress.Sample last() {
        return samples.get(samples.size() - 1);
    }

    double settledSeconds() {
        return secondsUntil(firstReaching(Kind.SETTLED, last().settledRows()));
    }

    double publishedSeconds() {
        return secondsUntil(firstReaching(Kind.PUBLISHED, last().published()));
    }

    double settledRate() {
        return last().settledRows() / settledSeconds();
    }

    double publishedRate() {
        return last().published() / publishedSeconds();
    }

    /** Between 10% and 90% of the backlog settled: the rate once warmed up, before the tail. */
    double steadySettledRate() {
        SettlementProgress.Sample from = firstReaching(Kind.SETTLED, expected / 10);
        SettlementProgress.Sample to = firstReaching(Kind.SETTLED, expected * 9 / 10);
        if (from == null || to == null || to.nanos() == from.nanos()) {
            return Double.NaN;
        }
        return (to.settledRows() - from.settledRows()) / ((to.nanos() - from.nanos()) / 1e9);
    }

    private enum Kind { SETTLED, PUBLISHED }

    private SettlementProgress.Sample firstReaching(Kind kind, long value) {
        for (SettlementProgress.Sample sample : samples) {
            if ((kind == Kind.SETTLED ? sample.settledRows() : sample.published()) >= value) {
                return sample;
            }
        }
        return null;
    }

    /** From the last sample without any progress to the given one. */
    private double secondsUntil(SettlementProgress.Sample until) {
        if (until == null) {
            return Double.NaN;
        }
        SettlementProgress.Sample start = samples.get(0);
        for (SettlementProgress.Sample sample : samples) {
            if (sample.settledRows() > 0 || sample.published() > 0 || sample.deadLettered() > 0) {
                break;
            }
            start = sample;
        }
        return (until.nanos() - start.nanos()) / 1e9;
    }
}
