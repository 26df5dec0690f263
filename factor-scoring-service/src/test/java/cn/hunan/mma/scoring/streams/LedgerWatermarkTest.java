package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger closes a month by the slowest upstream task, not by the latest time it has seen itself.
 * One ledger partition takes records from every input partition; in a replay those are consumed at
 * different speeds, so a ledger that followed the fastest called the slower partitions' on-time
 * records late (40,723 of them in a 31-day 湘潭 replay). Grace is 10 days here: March closes at
 * 1 April 00:00 CST + 10 days = 10 April 16:00 UTC. Each test starts as a replay does, every task
 * sending its first records (late March) together; a task not yet heard from is not waited for.
 */
class LedgerWatermarkTest {

    private static final Duration GRACE = Duration.ofDays(10);
    private static final Duration IDLE_AFTER = Duration.ofMinutes(5);
    private static final int MARCH = Contribution.monthNumber("2025-03");
    private static final int APRIL = Contribution.monthNumber("2025-04");
    private static final long WALL_START = 1_000_000L;

    private MockProcessorContext<String, ScopeDelta> context;
    private KeyValueStore<Bytes, byte[]> ledger;
    private LedgerProcessor processor;
    private int nextId;

    @BeforeEach
    void startLedger() {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(WALL_START);
        ledger = store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringTopology.LEDGER_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringTopology.LEDGER_CLOCK_STORE),
                Serdes.String(), Serdes.Long()));
        store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringTopology.PENDING_STORE),
                Serdes.String(), Serdes.ByteArray()));
        processor = newLedger();
    }

    @Test
    void an_on_time_record_of_a_slower_partition_counts_though_a_faster_one_is_weeks_ahead() {
        bothStartAt("2025-03-28T02:00:00Z");
        arrive(0, "2025-05-20T02:00:00Z");
        String slow = arrive(1, "2025-03-30T02:00:00Z");

        assertThat(entries(MARCH)).hasSize(3).contains(LedgerKeys.of(MARCH, slow));
    }

    @Test
    void a_month_closes_when_the_slowest_partition_passes_its_end_plus_grace() {
        String onTime = arrive(0, "2025-03-30T02:00:00Z");
        arrive(1, "2025-03-30T03:00:00Z");
        arrive(1, "2025-04-10T15:00:00Z");
        arrive(0, "2025-05-20T02:00:00Z");
        assertThat(entries(MARCH)).hasSize(2).contains(LedgerKeys.of(MARCH, onTime));

        // Partition 1 passes 10 April 16:00 UTC: March is closed, its entries go, a March arrival is late.
        arrive(1, "2025-04-10T17:00:00Z");
        assertThat(entries(MARCH)).isEmpty();
        arrive(1, "2025-03-31T02:00:00Z");
        assertThat(entries(MARCH)).isEmpty();
        assertThat(entries(APRIL)).hasSize(2);
    }

    @Test
    void a_silent_partition_stops_holding_months_open_after_the_idle_time() {
        bothStartAt("2025-03-30T02:00:00Z");
        arrive(0, "2025-05-20T02:00:00Z");
        assertThat(entries(MARCH)).hasSize(2);

        punctuateAt(WALL_START + IDLE_AFTER.toMillis() - 1);
        assertThat(entries(MARCH)).as("partition 1 silent, but not yet for the idle time").hasSize(2);

        context.setCurrentSystemTimeMs(WALL_START + IDLE_AFTER.toMillis() / 2);
        arrive(0, "2025-05-21T02:00:00Z");
        punctuateAt(WALL_START + IDLE_AFTER.toMillis() + 1);
        assertThat(entries(MARCH)).as("partition 1 silent for longer than the idle time: March closes by partition 0").isEmpty();
        arrive(1, "2025-03-31T02:00:00Z");
        assertThat(entries(MARCH)).as("what the silent partition sends of a month closed meanwhile is late").isEmpty();
    }

    @Test
    void a_restarted_ledger_remembers_how_far_each_partition_had_got() {
        bothStartAt("2025-03-28T02:00:00Z");
        arrive(0, "2025-05-20T02:00:00Z");
        arrive(1, "2025-04-01T02:00:00Z");
        punctuateAt(WALL_START + 1); // persists each partition's progress

        processor = newLedger();
        // Partition 0 alone speaks after the restart; partition 1's persisted progress (1 April) still holds March open.
        String onTime = arrive(0, "2025-03-29T02:00:00Z");
        assertThat(entries(MARCH)).hasSize(3).contains(LedgerKeys.of(MARCH, onTime));
    }

    /**
     * A record of the first seconds of April, then a restart within the minute the clock is saved in: the restarted
     * ledger still finds it when a correction names it. Before 2026-11-25 (4) the month change was not saved, the
     * restarted ledger looked in March and down, and filed the correction as named before arrival (helper-68).
     */
    @Test
    void a_restart_just_after_a_month_change_still_finds_the_new_months_records() {
        bothStartAt("2025-03-31T15:59:30Z");                       // 23:59:30 on 31 March, Beijing time
        String april = arrive(0, "2025-03-31T16:00:10Z");          // 00:00:10 on 1 April

        processor = newLedger();
        long correctedAt = Instant.parse("2025-03-31T15:59:50Z").toEpochMilli();
        processor.process(new Record<>(april, new LedgerMessage.Superseded(correctedAt, 1, correctedAt), 0L));

        assertThat(entries(MARCH)).as("the correction found the April record, so nothing waits under March for it")
                .doesNotContain(LedgerKeys.of(MARCH, april));
    }

    @Test
    void the_forward_interval_is_a_quarter_of_a_short_commit_interval() {
        assertThat(LedgerProcessor.forwardInterval(java.util.Map.of())).isEqualTo(Duration.ofMillis(200));
        assertThat(LedgerProcessor.forwardInterval(java.util.Map.of("commit.interval.ms", "1000"))).isEqualTo(Duration.ofMillis(200));
        // A quarter of a short commit interval, 5 ms at the least.
        assertThat(LedgerProcessor.forwardInterval(java.util.Map.of("commit.interval.ms", "800"))).isEqualTo(Duration.ofMillis(200));
        assertThat(LedgerProcessor.forwardInterval(java.util.Map.of("commit.interval.ms", 100L))).isEqualTo(Duration.ofMillis(25));
        assertThat(LedgerProcessor.forwardInterval(java.util.Map.of("commit.interval.ms", 50))).isEqualTo(Duration.ofMillis(12));
        assertThat(LedgerProcessor.forwardInterval(java.util.Map.of("commit.interval.ms", 10L))).isEqualTo(Duration.ofMillis(5));
        assertThat(LedgerProcessor.forwardInterval(java.util.Map.of("commit.interval.ms", 0L))).isEqualTo(Duration.ofMillis(200));
    }

    private void bothStartAt(String at) {
        arrive(0, at);
        arrive(1, at);
    }

    private LedgerProcessor newLedger() {
        LedgerProcessor ledgerProcessor = new LedgerProcessor(List.of(), GRACE, IDLE_AFTER);
        ledgerProcessor.init(context);
        return ledgerProcessor;
    }

    /** An arrival of a record happening at {@code at}, sent by the task of input partition {@code source}, which has got that far. */
    private String arrive(int source, String at) {
        String id = "event-" + nextId++;
        long occurredAt = Instant.parse(at).toEpochMilli();
        int month = Contribution.monthNumber(Period.containing(Instant.parse(at), Period.Kind.MONTH).toString());
        processor.process(new Record<>(id, new LedgerMessage.Arrival(true, occurredAt, month, new byte[0], source, occurredAt), 0L));
        return id;
    }

    private void punctuateAt(long wallTime) {
        context.setCurrentSystemTimeMs(wallTime);
        context.scheduledPunctuators().forEach(punctuator -> punctuator.getPunctuator().punctuate(wallTime));
    }

    /** The ledger's keys under a month. */
    private List<Bytes> entries(int month) {
        try (KeyValueIterator<Bytes, byte[]> range = ledger.range(LedgerKeys.firstOf(month), LedgerKeys.lastOf(month))) {
            List<Bytes> keys = new ArrayList<>();
            range.forEachRemaining(entry -> keys.add(entry.key));
            return keys;
        }
    }

    private <S extends StateStore> S store(StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
