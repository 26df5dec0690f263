package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The event ledger, keyed by event id (the oracle's rule): a record counts if and only if it is the
 * first arrival of its id and no accepted record names it in {@code correctsEventId}. Whatever the
 * order — correction before or after its original, chains, cycles — the totals end the same:
 * a counted record that is named later is taken back out (its stored {@link Contribution} is
 * applied again with a negative sign); a record named before it arrives never counts. Referral
 * events cannot be replaced. Counted changes are summed per scope and month in
 * {@link PendingDeltas} and forwarded every {@link #FORWARD_INTERVAL}. The stores are logged, so
 * exactly-once processing keeps the ledger, the pending sums and the forwarded changes in step
 * across crashes.
 *
 * <p><b>Closing months, and bounded by them.</b> The ledger is where a month closes: once the
 * {@link UpstreamWatermark} — the progress of the slowest of the task's input topics, persisted — passes a month's
 * end + grace, an arrival of that month is late, dropped here and logged, and the month's entries are
 * deleted as one key range, so the ledger holds one to two months of ids instead of all of them. A
 * duplicate of a retired month's record is dropped the same way, so it cannot count again now that
 * its first arrival's entry is gone; a correction naming such a record finds nothing to take out, and
 * the closed month keeps it. Entries are filed under a month ({@link LedgerKeys}): an arrival under
 * the month it counts in (the month it happened in; a support report's, {@code Attribution.monthOf}, never later), "named before arrival" under the ledger's current month (the month of the
 * latest time it has seen). Lookups try every live month, newest first.
 */
final class LedgerProcessor implements Processor<String, LedgerMessage, String, ScopeDelta> {

    /**
     * How often pending sums go on to the totals, at most: bounds the added latency, far below the service's
     * one-second commit interval. A short commit interval shortens it (see {@link #forwardInterval}).
     */
    static final Duration FORWARD_INTERVAL = Duration.ofMillis(200);
    /** The shortest forward interval: below it a punctuation per poll loop costs more than it saves. */
    static final Duration SHORTEST_FORWARD_INTERVAL = Duration.ofMillis(5);
    /** How long an input may stay silent before the watermark stops waiting for it. */
    static final Duration SOURCE_IDLE_AFTER = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(LedgerProcessor.class);
    /** Counted; the contribution follows so the record can be taken back out. */
    private static final byte COUNTED = 'C';
    /** Counted referral event: never replaceable, so nothing is kept. */
    private static final byte COUNTED_FOR_GOOD = 'R';
    /** Arrived but replaced (before or after it counted). */
    private static final byte SUPERSEDED = 'S';
    /** Named by a correction before it arrived: it will not count when it comes. */
    private static final byte NAMED_BEFORE_ARRIVAL = 'P';
    private static final String CLOCK = "clock";
    private static final String FIRST_LIVE_MONTH = "first-live-month";
    private static final String SOURCE_PREFIX = "source-";
    /** The clock is persisted when it has moved this much: a restart then retires at most this much later. */
    private static final long CLOCK_PERSIST_STEP_MILLIS = 60_000;
    private static final int DELETE_BATCH = 10_000;

    private final List<String> measureIds;
    private final Duration grace;
    private final UpstreamWatermark upstream;
    private ProcessorContext<String, ScopeDelta> context;
    private KeyValueStore<Bytes, byte[]> ledger;
    private KeyValueStore<String, Long> clockStore;
    private PendingDeltas pending;
    /** The latest time this task has seen, or the watermark if that is later: its month is the current month. */
    private long clock = Long.MIN_VALUE;
    private long persistedClock = Long.MIN_VALUE;
    /** The clock's month and when it ends; entries of months before {@link #firstLiveMonth} are gone. */
    private int currentMonth;
    private long currentMonthEnds = Long.MIN_VALUE;
    private int firstLiveMonth;
    private long nextRetirement = Long.MIN_VALUE;
    private long droppedLate;
    private String firstDroppedLate;

    /**
     * @param measureIds the counting measures' ids, by the positions {@link Contribution}s use
     * @param grace      how long a month accepts late events and corrections after its end
     * @param idleAfter  how long an input may stay silent before the watermark stops waiting for it
     */
    LedgerProcessor(List<String> measureIds, Duration grace, Duration idleAfter) {
        this.measureIds = measureIds;
        this.grace = grace;
        this.upstream = new UpstreamWatermark(idleAfter);
    }

    @Override
    public void init(ProcessorContext<String, ScopeDelta> context) {
        this.context = context;
        this.ledger = context.getStateStore(ScoringTopology.LEDGER_STORE);
        this.clockStore = context.getStateStore(ScoringTopology.LEDGER_CLOCK_STORE);
        this.pending = new PendingDeltas(context.getStateStore(ScoringTopology.PENDING_STORE), measureIds);
        Long restoredClock = clockStore.get(CLOCK);
        Long restoredFirstLive = clockStore.get(FIRST_LIVE_MONTH);
        if (restoredClock != null && restoredFirstLive != null) {
            clock = persistedClock = restoredClock;
            firstLiveMonth = restoredFirstLive.intValue();
            nextRetirement = closesAt(firstLiveMonth);
            moveMonth();
        }
        restoreUpstream();
        context.schedule(forwardInterval(context.appConfigs()), PunctuationType.WALL_CLOCK_TIME, this::forwardPending);
    }

    /**
     * {@link #FORWARD_INTERVAL}, or a quarter of the commit interval when that is shorter (never below
     * {@link #SHORTEST_FORWARD_INTERVAL}). Under exactly-once nothing forwarded is visible downstream before
     * the next commit, and the punctuation and the commit keep their own clocks: forwarding once per commit
     * interval would add up to a whole interval before the commit that publishes it; forwarding four times
     * per interval leaves the commit as the wait. Latency-tuned deployments (short commits) get that; the
     * service's one-second commit keeps 200 ms, whose batches are what pre-aggregation saves.
     */
    static Duration forwardInterval(Map<String, Object> streamsConfig) {
        Object commit = streamsConfig.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        if (commit == null) {
            return FORWARD_INTERVAL;
        }
        long commitMillis = Long.parseLong(commit.toString().trim());
        if (commitMillis <= 0) {
            return FORWARD_INTERVAL;
        }
        Duration quarter = Duration.ofMillis(Math.max(SHORTEST_FORWARD_INTERVAL.toMillis(), commitMillis / 4));
        return quarter.compareTo(FORWARD_INTERVAL) < 0 ? quarter : FORWARD_INTERVAL;
    }

    private void restoreUpstream() {
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, Long> entries = clockStore.prefixScan(SOURCE_PREFIX, new StringSerializer())) {
            entries.forEachRemaining(entry -> upstream.restore(Integer.parseInt(entry.key.substring(SOURCE_PREFIX.length())), entry.value, now));
        }
    }

    @Override
    public void process(Record<String, LedgerMessage> message) {
        LedgerMessage value = message.value();
        if (upstream.heard(value.source(), value.sourceProgress(), context.currentSystemTimeMs())) {
            watermarkMoved();
        }
        advanceClock(value.occurredAtMillis());
        String eventId = message.key();
        if (message.value() instanceof LedgerMessage.Arrival arrival) {
            if (arrival.month() < firstLiveMonth) {
                dropLate(eventId, arrival.month());
                return;
            }
            arrive(eventId, arrival, find(eventId));
        } else {
            supersede(eventId, find(eventId));
        }
    }

    private void arrive(String eventId, LedgerMessage.Arrival arrival, Entry found) {
        if (found == null) {
            count(arrival.contribution(), +1);
            ledger.put(LedgerKeys.of(arrival.month(), eventId),
                    arrival.replaceable() ? withState(COUNTED, arrival.contribution()) : new byte[]{COUNTED_FOR_GOOD});
        } else if (found.state() == NAMED_BEFORE_ARRIVAL) {
            boolean counts = !arrival.replaceable();
            if (counts) {
                count(arrival.contribution(), +1);
            }
            // Filed under the later month: the entry must outlive both the correction's news and this arrival's duplicates.
            refile(found, arrival.month(), new byte[]{counts ? COUNTED_FOR_GOOD : SUPERSEDED});
        }
        // Any other entry: a duplicate of an id already seen, ignored whatever it carries.
    }

    private void supersede(String eventId, Entry found) {
        if (found == null) {
            ledger.put(LedgerKeys.of(currentMonth, eventId), new byte[]{NAMED_BEFORE_ARRIVAL});
        } else if (found.state() == COUNTED) {
            count(Arrays.copyOfRange(found.value(), 1, found.value().length), -1);
            ledger.put(found.key(), new byte[]{SUPERSEDED});
        }
    }

    /** The id's entry in the live months, newest first; null when it has none. */
    private Entry find(String eventId) {
        Bytes key = LedgerKeys.of(currentMonth, eventId);
        for (int month = currentMonth; month >= firstLiveMonth; month--) {
            Bytes inMonth = month == currentMonth ? key : LedgerKeys.inMonth(key, month);
            byte[] value = ledger.get(inMonth);
            if (value != null) {
                return new Entry(inMonth, month, value);
            }
        }
        return null;
    }

    private void refile(Entry found, int month, byte[] value) {
        if (month > found.month()) {
            ledger.put(found.key(), null);
            ledger.put(LedgerKeys.inMonth(found.key(), month), value);
        } else {
            ledger.put(found.key(), value);
        }
    }

    private void advanceClock(long occurredAt) {
        if (occurredAt <= clock) {
            return;
        }
        clock = occurredAt;
        boolean monthMoved = clock >= currentMonthEnds;
        if (monthMoved) {
            moveMonth();
        }
        // A new month is saved at once: restarted with the old one, the task looked for a record of the new month only
        // in the old month and down, and filed its correction as named before arrival — both counted (helper-68).
        if (monthMoved || clock - persistedClock >= CLOCK_PERSIST_STEP_MILLIS) {
            clockStore.put(CLOCK, clock);
            persistedClock = clock;
        }
    }

    private void moveMonth() {
        Period month = Period.containing(Instant.ofEpochMilli(clock), Period.Kind.MONTH);
        currentMonth = Contribution.monthNumber(month.toString());
        currentMonthEnds = month.end().toEpochMilli();
    }

    /** The current month follows the watermark too, and the months it has closed leave the ledger. */
    private void watermarkMoved() {
        advanceClock(upstream.value());
        if (upstream.value() >= nextRetirement) {
            retireClosedMonths();
        }
    }

    /** Deletes every entry of the months the watermark has closed. */
    private void retireClosedMonths() {
        long watermark = upstream.value();
        int firstLive = currentMonth; // the clock is never behind the watermark
        while (closesAt(firstLive - 1) > watermark) {
            firstLive--;
        }
        if (firstLive > firstLiveMonth) {
            long started = System.nanoTime();
            long removed = deleteMonthsBefore(firstLive);
            if (removed > 0) {
                LOG.infof("ledger: retired the months before %s (%d entries) in %d ms", Contribution.monthText(firstLive), removed,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        firstLiveMonth = Math.max(firstLiveMonth, firstLive);
        nextRetirement = closesAt(firstLiveMonth);
        clockStore.put(CLOCK, clock);
        clockStore.put(FIRST_LIVE_MONTH, (long) firstLiveMonth);
        persistedClock = clock;
    }

    /** In batches, each iterator closed before its keys are deleted, resuming at the last key deleted (no longer seen). */
    private long deleteMonthsBefore(int month) {
        Bytes from = LedgerKeys.firstOf(0);
        Bytes to = LedgerKeys.lastOf(month - 1);
        long removed = 0;
        while (true) {
            List<Bytes> batch = new ArrayList<>(DELETE_BATCH);
            try (KeyValueIterator<Bytes, byte[]> range = ledger.range(from, to)) {
                while (range.hasNext() && batch.size() < DELETE_BATCH) {
                    batch.add(range.next().key);
                }
            }
            for (Bytes key : batch) {
                ledger.put(key, null);
            }
            removed += batch.size();
            if (batch.size() < DELETE_BATCH) {
                return removed;
            }
            from = batch.get(batch.size() - 1);
        }
    }

    /** When the month number closes: its end + grace, as epoch millis. */
    private long closesAt(int month) {
        return Period.month(month / 12, month % 12 + 1).end().plus(grace).toEpochMilli();
    }

    private void count(byte[] contribution, int sign) {
        if (contribution.length > 0) {
            pending.add(Contribution.fromBytes(contribution), sign);
        }
    }

    /** Counted here and logged once per forward interval: a replay can bring thousands at once. */
    private void dropLate(String eventId, int month) {
        if (droppedLate++ == 0) {
            firstDroppedLate = eventId + " of " + Contribution.monthText(month);
        }
    }

    private void forwardPending(long now) {
        if (upstream.leaveOutIdle(now)) {
            watermarkMoved();
        }
        upstream.drainUnsaved((source, progress) -> clockStore.put(SOURCE_PREFIX + source, progress));
        pending.forwardAll(delta -> context.forward(new Record<>(delta.scope(), delta, now)));
        if (droppedLate > 0) {
            LOG.warnf("dropped %d late events of months whose ledger entries are retired (closed months), e.g. %s", droppedLate, firstDroppedLate);
            droppedLate = 0;
        }
    }

    private static byte[] withState(byte state, byte[] contribution) {
        byte[] entry = new byte[contribution.length + 1];
        entry[0] = state;
        System.arraycopy(contribution, 0, entry, 1, contribution.length);
        return entry;
    }

    private record Entry(Bytes key, int month, byte[] value) {
        byte state() {
            return value[0];
        }
    }
}
