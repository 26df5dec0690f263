package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A relay process killed with SIGKILL in the middle of a stream, then started again. */
@ExtendWith(RealServers.class)
class OutboxRelayCrashTest {

    private static final int EVENTS = 1500;
    /**
     * The writer commits at most this many before the first relay is killed, then waits for the kill: the kill then
     * always leaves events to commit and relay, however fast the writer and however slow the relay on a busy machine
     * (before, a writer that outran the relay could commit all 1,500 before 300 had arrived, and the test failed).
     */
    private static final int BEFORE_THE_KILL = EVENTS / 2;
    private static final int REFERRALS = 20;

    @Test
    void a_relay_killed_mid_stream_and_restarted_delivers_every_event_at_least_once(RealServers servers) throws Exception {
        String slotName = RealServers.uniqueName("crash");
        OutboxDatabase database = OutboxDatabase.migrated(servers.postgres(), slotName);
        ReferralEvents events = new ReferralEvents(Topics.REFERRALS.name() + "." + slotName);
        servers.kafka().createTopics(List.of(new NewTopic(events.topic(), 3, (short) 1)));
        OutboxRelaySettings settings = OutboxRelaySettings.withDefaults(database.jdbcUrl(), servers.postgres().username(),
                servers.postgres().password(), slotName, URI.create("/mma/referral-service"),
                OutboxRelaySettings.defaultOffsetTopic(slotName), servers.kafka().bootstrapServers());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<OutboxEvent> committed = Collections.synchronizedList(new ArrayList<>());

        List<ConsumerRecord<String, String>> received;
        try (TopicReader reader = new TopicReader(servers.kafka().bootstrapServers(), events.topic());
             RelayChildProcess first = RelayChildProcess.start(settings, tmp.resolve(slotName + "-first.log"))) {
            CountDownLatch killed = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> commitOneByOne(database, events, committed, killed));

            reader.receivedAtLeast(EVENTS / 5, Duration.ofSeconds(60));
            first.kill();
            int committedAtKill = committed.size();
            killed.countDown();

            try (RelayChildProcess second = RelayChildProcess.start(settings, tmp.resolve(slotName + "-second.log"))) {
                writer.join();
                received = reader.receivedUntil(records -> ids(records).keySet().containsAll(idsOf(committed)),
                        Duration.ofSeconds(90));
            }
            System.out.printf("crash test: %d events committed (%d before the kill), %d records received, %d duplicates%n",
                    committed.size(), committedAtKill, received.size(), received.size() - ids(received).size());
            assertThat(committedAtKill).as("the kill happened mid-stream").isLessThanOrEqualTo(BEFORE_THE_KILL);
        }

        Map<String, List<ConsumerRecord<String, String>>> copies = ids(received);
        assertThat(copies.keySet()).containsAll(idsOf(committed));
        copies.forEach((id, sameId) -> assertThat(sameId)
                .as("every copy of event %s is the same record", id)
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsOnly(tuple(sameId.get(0).key(), sameId.get(0).value())));
        assertThat(firstArrivalOrderByReferral(received)).isEqualTo(commitOrderByReferral(committed));
    }

    private static void commitOneByOne(OutboxDatabase database, ReferralEvents events, List<OutboxEvent> committed,
                                       CountDownLatch killed) {
        try {
            for (int i = 0; i < EVENTS; i++) {
                if (i == BEFORE_THE_KILL && !killed.await(3, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the first relay was not killed within 3 minutes");
                }
                OutboxEvent event = events.next("R-" + (i % REFERRALS), "ReferralStep" + i);
                database.commit(List.of(event));
                committed.add(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("writer failed after " + committed.size() + " events", e);
        }
    }

    private static Map<String, List<ConsumerRecord<String, String>>> ids(List<ConsumerRecord<String, String>> records) {
        Map<String, List<ConsumerRecord<String, String>>> byId = new HashMap<>();
        records.forEach(record -> byId.computeIfAbsent(eventId(record), id -> new ArrayList<>()).add(record));
        return byId;
    }

    private static List<String> idsOf(List<OutboxEvent> events) {
        synchronized (events) {
            return events.stream().map(event -> event.eventId().toString()).toList();
        }
    }

    /** Per referral, the event ids in the order they first arrived; replayed copies come later. */
    private static Map<String, List<String>> firstArrivalOrderByReferral(List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            List<String> ids = order.computeIfAbsent(record.key(), key -> new ArrayList<>());
            if (!ids.contains(eventId(record))) {
                ids.add(eventId(record));
            }
        }
        return order;
    }

    private static Map<String, List<String>> commitOrderByReferral(List<OutboxEvent> events) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        events.forEach(event -> order.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event.eventId().toString()));
        return order;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8);
    }
}
