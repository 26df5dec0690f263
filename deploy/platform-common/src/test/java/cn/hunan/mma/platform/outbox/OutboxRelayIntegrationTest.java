package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import jakarta.persistence.Column;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The relay against a real PostgreSQL 17 (pgoutput) and a real Kafka broker. */
@ExtendWith(RealServers.class)
class OutboxRelayIntegrationTest {

    private static final URI SOURCE = URI.create("/mma/referral-service");
    /**
     * For whatever waits on the relay's round trip through Kafka: records arriving, the outbox rows deleted once
     * Kafka has acknowledged them, the slot confirmed once the engine has stored its offsets (on a Kafka topic).
     * Generous, because the machines running the build are small and shared; the tests measure no speed.
     */
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private static RealServers servers;

    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    static void servers(RealServers realServers) {
        servers = realServers;
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::close);
    }

    @Test
    void relays_committed_rows_in_commit_order_per_referral_with_key_and_cloud_events_headers() throws Exception {
        Fixture fixture = new Fixture("ordered");
        OutboxRelay relay = fixture.startRelay();

        assertThat(fixture.database.slotIsActive(fixture.slotName)).as("slot exists and streams when start() returns").isTrue();

        List<OutboxEvent> committed = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (String referral : List.of("R-1", "R-2", "R-3")) {
                // Two events of one referral in one transaction, as a state machine step may produce.
                List<OutboxEvent> transaction = List.of(fixture.events.next(referral, "ReferralRequested"),
                        fixture.events.next(referral, "ReferralAccepted"));
                fixture.database.commit(transaction);
                committed.addAll(transaction);
            }
        }

        try (TopicReader reader = fixture.reader()) {
            List<ConsumerRecord<String, String>> received = reader.receivedAtLeast(committed.size(), ARRIVAL);

            assertThat(receivedIdsByKey(received)).isEqualTo(committedIdsByKey(committed));
            Map<String, OutboxEvent> byId = new LinkedHashMap<>();
            committed.forEach(event -> byId.put(event.eventId().toString(), event));
            for (ConsumerRecord<String, String> record : received) {
                OutboxEvent sent = byId.get(text(record, "id"));
                assertThat(record.key()).isEqualTo(sent.key());
                assertThat(record.value()).isEqualTo(sent.payload());
                assertThat(CloudEventHeaders.read(record.headers())).isEqualTo(new CloudEventHeaders.Result.Present(
                        new CloudEventAttributes(sent.eventId().toString(), sent.type(), SOURCE, sent.occurredAt())));
            }
        }
        assertThat(relay.metrics().eventsRelayed()).isEqualTo(committed.size());
        assertThat(relay.metrics().lastCommitToSendLag()).isPresent();
    }

    @Test
    void a_batch_row_goes_to_kafka_as_one_record_per_event_and_is_deleted_once() throws Exception {
        Fixture fixture = new Fixture("batchrow");
        OutboxRelay relay = fixture.startRelay();
        List<OutboxEvent> batched = List.of(fixture.events.next("R-11", "ReferralRequested"),
                fixture.events.next("R-12", "ReferralRequested"), fixture.events.next("R-11", "ReferralAccepted"));
        OutboxEvent single = fixture.events.next("R-12", "ReferralAccepted");

        fixture.database.commit(OutboxBatch.rows(batched));
        fixture.database.commit(List.of(single));

        List<OutboxEvent> committed = new ArrayList<>(batched);
        committed.add(single);
        try (TopicReader reader = fixture.reader()) {
            List<ConsumerRecord<String, String>> received = reader.receivedAtLeast(committed.size(), ARRIVAL);

            assertThat(received).hasSize(committed.size());
            assertThat(receivedIdsByKey(received)).isEqualTo(committedIdsByKey(committed));
            for (int i = 0; i < committed.size(); i++) {
                OutboxEvent sent = committed.get(i);
                ConsumerRecord<String, String> record = received.stream()
                        .filter(candidate -> text(candidate, "id").equals(sent.eventId().toString())).findFirst().orElseThrow();
                assertThat(record.key()).isEqualTo(sent.key());
                assertThat(record.value()).isEqualTo(sent.payload());
                assertThat(CloudEventHeaders.read(record.headers())).isEqualTo(new CloudEventHeaders.Result.Present(
                        new CloudEventAttributes(sent.eventId().toString(), sent.type(), SOURCE, sent.occurredAt())));
            }
        }
        assertThat(relay.metrics().eventsRelayed()).isEqualTo(committed.size());
        await("outbox table empty").atMost(ARRIVAL).until(() -> fixture.database.outboxRows() == 0);
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() throws Exception {
        Fixture fixture = new Fixture("rollback");
        fixture.startRelay();
        OutboxEvent before = fixture.events.next("R-7", "ReferralRequested");
        OutboxEvent rolledBack = fixture.events.next("R-7", "ReferralAccepted");
        OutboxEvent after = fixture.events.next("R-7", "ReferralRejected");

        fixture.database.commit(List.of(before));
        fixture.database.rollBack(List.of(rolledBack));
        fixture.database.commit(List.of(after));

        try (TopicReader reader = fixture.reader()) {
            // Wait for the event committed after the rollback: anything from the rollback would be ahead of it.
            List<ConsumerRecord<String, String>> received = reader.receivedUntil(
                    records -> records.stream().anyMatch(record -> text(record, "id").equals(after.eventId().toString())),
                    ARRIVAL);
            assertThat(received).extracting(record -> text(record, "id"))
                    .containsExactly(before.eventId().toString(), after.eventId().toString());
        }
    }

    @Test
    void deletes_outbox_rows_once_kafka_has_them() throws Exception {
        Fixture fixture = new Fixture("cleanup");
        fixture.startRelay();
        List<OutboxEvent> events = List.of(fixture.events.next("R-4", "ReferralRequested"),
                fixture.events.next("R-5", "ReferralRequested"), fixture.events.next("R-6", "ReferralRequested"));

        fixture.database.commit(events);

        try (TopicReader reader = fixture.reader()) {
            reader.receivedAtLeast(events.size(), ARRIVAL);
        }
        await("outbox table empty").atMost(ARRIVAL).until(() -> fixture.database.outboxRows() == 0);
    }

    @Test
    void relays_rows_committed_while_it_was_stopped() throws Exception {
        Fixture fixture = new Fixture("restart");
        OutboxRelay first = fixture.startRelay();
        OutboxEvent whileRunning = fixture.relayed("R-8", "ReferralRequested");
        first.close();

        OutboxEvent whileStopped = fixture.events.next("R-8", "ReferralAccepted");
        fixture.database.commit(List.of(whileStopped));
        fixture.startRelay();

        try (TopicReader reader = fixture.reader()) {
            List<ConsumerRecord<String, String>> received = reader.receivedUntil(
                    records -> records.stream().anyMatch(record -> text(record, "id").equals(whileStopped.eventId().toString())),
                    ARRIVAL);
            assertThat(received).extracting(record -> text(record, "id"))
                    .containsExactly(whileRunning.eventId().toString(), whileStopped.eventId().toString());
        }
    }

    @Test
    void relays_rows_committed_after_the_slot_was_created_but_before_the_engine_first_ran() throws Exception {
        Fixture fixture = new Fixture("firststart");
        try (Connection connection = fixture.database.connect()) {
            new ReplicationSetup(settings(fixture.database, fixture.slotName, Duration.ofSeconds(10))).prepare(connection);
        }
        OutboxEvent beforeFirstStart = fixture.events.next("R-10", "ReferralRequested");
        fixture.database.commit(List.of(beforeFirstStart));

        fixture.startRelay();

        try (TopicReader reader = fixture.reader()) {
            assertThat(reader.receivedAtLeast(1, ARRIVAL)).extracting(record -> text(record, "id"))
                    .containsExactly(beforeFirstStart.eventId().toString());
        }
    }

    @Test
    void a_slot_lost_while_the_relay_was_stopped_is_replaced_and_the_events_it_can_no_longer_decode_are_sent_from_the_table()
            throws Exception {
        Fixture fixture = new Fixture("lostslot");
        OutboxRelay first = fixture.startRelay();
        OutboxEvent whileRunning = fixture.relayed("R-20", "ReferralRequested");
        await("relayed row deleted").atMost(ARRIVAL).until(() -> fixture.database.outboxRows() == 0);
        first.close();
        List<OutboxEvent> batched = List.of(fixture.events.next("R-20", "ReferralAccepted"),
                fixture.events.next("R-21", "ReferralRequested"));
        OutboxEvent single = fixture.events.next("R-21", "ReferralAccepted");
        // Six single rows of one referral in one transaction: they share created_at and have random ids, yet must
        // come out in the order written (one chance in 720 of passing by luck).
        List<OutboxEvent> oneTransaction = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            oneTransaction.add(fixture.events.next("R-22", "ReferralStep" + i));
        }
        fixture.database.commit(OutboxBatch.rows(batched));
        fixture.database.commit(List.of(single));
        fixture.database.commit(oneTransaction);

        fixture.database.loseSlot(fixture.slotName);
        assertThat(fixture.database.walStatus(fixture.slotName)).contains("lost");
        OutboxEvent afterLoss = fixture.events.next("R-20", "ReferralRejected");
        fixture.database.commit(List.of(afterLoss));

        OutboxRelay second = fixture.startRelay();
        OutboxEvent afterRestart = fixture.events.next("R-21", "ReferralRejected");
        fixture.database.commit(List.of(afterRestart));

        List<OutboxEvent> committed = new ArrayList<>(List.of(whileRunning));
        committed.addAll(batched);
        committed.add(single);
        committed.addAll(oneTransaction);
        committed.addAll(List.of(afterLoss, afterRestart));
        try (TopicReader reader = fixture.reader()) {
            List<ConsumerRecord<String, String>> received = reader.receivedUntil(records -> records.stream()
                    .anyMatch(record -> text(record, "id").equals(afterRestart.eventId().toString())), ARRIVAL);
            // Each event once, each referral's in commit order: the lost ones from the table before the new slot's.
            assertThat(receivedIdsByKey(received)).isEqualTo(committedIdsByKey(committed));
        }
        assertThat(second.metrics().lostSlotsReplaced()).isEqualTo(1);
        assertThat(fixture.database.walStatus(fixture.slotName)).hasValueSatisfying(status -> assertThat(status).isNotEqualTo("lost"));
        await("outbox table empty").atMost(ARRIVAL).until(() -> fixture.database.outboxRows() == 0);
    }

    @Test
    void a_slot_lost_under_a_running_relay_is_replaced_without_a_restart() throws Exception {
        Fixture fixture = new Fixture("lostlive");
        OutboxRelay relay = fixture.startRelay(Duration.ofMillis(200));
        OutboxEvent before = fixture.relayed("R-30", "ReferralRequested");

        fixture.database.loseSlot(fixture.slotName);
        OutboxEvent whileLost = fixture.events.next("R-30", "ReferralAccepted");
        fixture.database.commit(List.of(whileLost));
        await("lost slot replaced").atMost(ARRIVAL).until(() -> relay.metrics().lostSlotsReplaced() == 1);
        OutboxEvent afterwards = fixture.events.next("R-30", "ReferralRejected");
        fixture.database.commit(List.of(afterwards));

        // At least once: an event committed as the new slot was created may come twice, never out of order.
        assertThat(new ArrayList<>(new LinkedHashSet<>(fixture.idsReceivedFor("R-30", afterwards))))
                .containsExactly(before.eventId().toString(), whileLost.eventId().toString(), afterwards.eventId().toString());
        assertThat(relay.metrics().running()).isTrue();
        assertThat(fixture.database.slotIsActive(fixture.slotName)).isTrue();
    }

    @Test
    void a_slot_check_that_cannot_reach_the_database_leaves_the_engine_streaming() throws Exception {
        Fixture fixture = new Fixture("checkfails");
        OutboxRelay relay = fixture.startRelay(Duration.ofMillis(200));
        OutboxEvent before = fixture.relayed("R-40", "ReferralRequested");
        int walSender = fixture.database.slotActivePid(fixture.slotName).orElseThrow();

        fixture.database.refuseNewConnections(true);
        try {
            await("slot checks failing").atMost(ARRIVAL).until(() -> relay.metrics().slotChecksFailed() >= 3);
        } finally {
            fixture.database.refuseNewConnections(false);
        }
        OutboxEvent afterwards = fixture.events.next("R-40", "ReferralAccepted");
        fixture.database.commit(List.of(afterwards));

        assertThat(fixture.idsReceivedFor("R-40", afterwards))
                .containsExactly(before.eventId().toString(), afterwards.eventId().toString());
        // The same walsender: the engine streamed through the failed checks instead of being stopped and started.
        assertThat(fixture.database.slotActivePid(fixture.slotName)).contains(walSender);
        assertThat(relay.metrics().running()).isTrue();
        assertThat(relay.metrics().lostSlotsReplaced()).isZero();
    }

    @Test
    void heartbeats_confirm_the_slot_past_wal_of_other_tables_while_the_outbox_is_idle() throws Exception {
        Fixture fixture = new Fixture("heartbeat");
        fixture.startRelay(Duration.ofMillis(200));

        // Busy service state, silent outbox: pgoutput sends the relay nothing for these transactions.
        for (int i = 0; i < 20; i++) {
            fixture.database.changeReferralWithoutEvent("R-9", "status-" + i);
        }
        long walAfterWrites = fixture.database.currentWalLsn();

        await("slot confirmed past the WAL of the referral changes").atMost(ARRIVAL).until(
                () -> fixture.database.confirmedFlushLsn(fixture.slotName).orElseThrow() >= walAfterWrites);
    }

    @Test
    void refuses_to_start_on_a_database_without_the_outbox_table() {
        String name = RealServers.uniqueName("unmigrated");
        OutboxDatabase database = OutboxDatabase.empty(servers.postgres(), name);
        OutboxRelay relay = new OutboxRelay(settings(database, name, Duration.ofSeconds(10)));
        relays.add(relay);

        assertThatThrownBy(relay::start)
                .isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("public.outbox does not exist")
                .hasMessageContaining("db/outbox");
    }

    @Test
    void entity_columns_match_the_migrated_table() throws Exception {
        OutboxDatabase database = OutboxDatabase.migrated(servers.postgres(), RealServers.uniqueName("columns"));
        Set<String> entityColumns = new TreeSet<>();
        for (Field field : OutboxEventEntity.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                entityColumns.add(column.name());
            }
        }
        Set<String> notNullColumnsWithoutDefault = new TreeSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("SELECT column_name FROM information_schema.columns "
                     + "WHERE table_name = 'outbox' AND is_nullable = 'NO' AND column_default IS NULL")) {
            while (columns.next()) {
                notNullColumnsWithoutDefault.add(columns.getString(1));
            }
        }

        assertThat(entityColumns).isEqualTo(notNullColumnsWithoutDefault);
    }

    @Test
    void the_outbox_migration_can_run_again() throws Exception {
        OutboxDatabase database = OutboxDatabase.migrated(servers.postgres(), RealServers.uniqueName("rerun"));
        String migration;
        try (var in = OutboxRelay.class.getResourceAsStream("/db/outbox/R__mma_outbox.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(migration);
        }

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet published = statement.executeQuery(
                     "SELECT count(*) FROM pg_publication_tables WHERE pubname = 'mma_outbox' AND tablename = 'outbox'")) {
            published.next();
            assertThat(published.getInt(1)).isEqualTo(1);
        }
    }

    private static Map<String, List<String>> receivedIdsByKey(List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        records.forEach(record -> ids.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(text(record, "id")));
        return ids;
    }

    private static Map<String, List<String>> committedIdsByKey(List<OutboxEvent> events) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        events.forEach(event -> ids.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event.eventId().toString()));
        return ids;
    }

    private static String text(ConsumerRecord<String, String> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }

    private static OutboxRelaySettings settings(OutboxDatabase database, String slotName, Duration heartbeat) {
        return OutboxRelaySettings.withDefaults(database.jdbcUrl(), servers.postgres().username(),
                        servers.postgres().password(), slotName, SOURCE, OutboxRelaySettings.defaultOffsetTopic(slotName),
                        servers.kafka().bootstrapServers())
                .withHeartbeatInterval(heartbeat);
    }

    /** A database, slot and topic of one test; nothing shared with the other tests. */
    private final class Fixture {

        final String slotName;
        final OutboxDatabase database;
        final ReferralEvents events;

        Fixture(String purpose) {
            slotName = RealServers.uniqueName(purpose);
            database = OutboxDatabase.migrated(servers.postgres(), slotName);
            events = new ReferralEvents(Topics.REFERRALS.name() + "." + slotName);
            // Several partitions, so per-referral order is the property under test, not a single log's order.
            servers.kafka().createTopics(List.of(new NewTopic(events.topic(), 3, (short) 1)));
        }

        OutboxRelay startRelay() {
            return startRelay(Duration.ofSeconds(10));
        }

        OutboxRelay startRelay(Duration heartbeat) {
            OutboxRelay relay = new OutboxRelay(settings(database, slotName, heartbeat));
            relays.add(relay);
            relay.start();
            return relay;
        }

        TopicReader reader() {
            return new TopicReader(servers.kafka().bootstrapServers(), events.topic());
        }

        /** Commits one event of the referral and waits until Kafka has it. */
        OutboxEvent relayed(String referral, String type) throws Exception {
            OutboxEvent event = events.next(referral, type);
            database.commit(List.of(event));
            try (TopicReader reader = reader()) {
                reader.receivedAtLeast(1, ARRIVAL);
            }
            return event;
        }

        /** The ids Kafka holds for the referral, in the order received, read until {@code last} has arrived. */
        List<String> idsReceivedFor(String referral, OutboxEvent last) {
            try (TopicReader reader = reader()) {
                List<ConsumerRecord<String, String>> received = reader.receivedUntil(records -> records.stream()
                        .anyMatch(record -> text(record, "id").equals(last.eventId().toString())), ARRIVAL);
                return receivedIdsByKey(received).get(referral);
            }
        }
    }
}
