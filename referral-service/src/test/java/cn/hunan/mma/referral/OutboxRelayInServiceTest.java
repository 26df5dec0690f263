package cn.hunan.mma.referral;

import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox inside a real service: a row persisted through Hibernate Reactive in a transaction is
 * relayed by the embedded Debezium engine to the topic the contract names, with the contract's key
 * and CloudEvents headers, and the payload decodes back to the same event.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class OutboxRelayInServiceTest {

    @Test
    void an_event_committed_with_hibernate_reactive_reaches_its_topic_with_key_and_cloudevents_headers() throws Throwable {
        ReferralRequested requested = GoldenFixtures.record(ReferralRequested.class);
        OutboxEventEntity row = OutboxEventEntity.of(ContractOutboxEvents.of(Topics.REFERRALS, requested));

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.persist(row))));

        ConsumerRecord<String, byte[]> relayed = awaitRecordWithEventId(requested.eventId().value());
        assertThat(relayed.key()).isEqualTo(Topics.REFERRALS.keyText(requested.referralId()));
        assertThat(CloudEventHeaders.read(relayed.headers()))
                .isInstanceOfSatisfying(CloudEventHeaders.Result.Present.class, present -> {
                    assertThat(present.attributes().type()).isEqualTo("ReferralRequested");
                    assertThat(present.attributes().source().toString()).isEqualTo("/mma/referral-service");
                    assertThat(present.attributes().time()).isEqualTo(requested.occurredAt());
                });
        DecodeResult<ReferralEvent> decoded = GoldenFixtures.codec().decode(relayed.value(), Topics.REFERRALS.valueType());
        assertThat(decoded.orElseThrow()).isEqualTo(requested);
    }

    private static ConsumerRecord<String, byte[]> awaitRecordWithEventId(String eventId) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-in-service-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRALS.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (CloudEventHeaders.eventId(record.headers()).filter(eventId::equals).isPresent()) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }
}
