package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.topic.Topics;
import io.debezium.transforms.outbox.EventRouter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's transform chain, configured exactly as the relay configures it, applied to a change
 * event shaped like the ones the PostgreSQL connector emits for an outbox insert.
 */
class OutboxRoutingTest {

    private static final Schema ROW = SchemaBuilder.struct().name("referral_outbox.public.outbox.Value").optional()
            .field("id", SchemaBuilder.string().name("io.debezium.data.Uuid").build())
            .field("aggregatetype", Schema.STRING_SCHEMA)
            .field("aggregateid", Schema.STRING_SCHEMA)
            .field("type", Schema.STRING_SCHEMA)
            .field("payload", Schema.STRING_SCHEMA)
            .field("occurred_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build())
            .field("created_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build())
            .build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("referral_outbox.public.outbox.Envelope")
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private final CommitTimestampHeader commitTime = new CommitTimestampHeader();
    private final EventRouter<SourceRecord> router = new EventRouter<>();

    @AfterEach
    void closeRouter() {
        router.close();
    }

    @Test
    void an_inserted_row_goes_to_the_topic_it_names_keyed_by_its_aggregate_id() {
        router.configure(routerProperties());
        Struct row = new Struct(ROW)
                .put("id", "3f2b0c1e-7d4a-4e8b-9a61-2c5d8e7f9a10")
                .put("aggregatetype", Topics.REFERRALS.name())
                .put("aggregateid", "R-1")
                .put("type", "ReferralAccepted")
                .put("payload", "{ \"referralId\": \"R-1\", \"note\": \"上转\" }")
                .put("occurred_at", "2025-03-01T08:30:00.123456Z")
                .put("created_at", "2025-03-01T08:30:00.2Z");
        Struct source = new Struct(SOURCE).put("ts_ms", 1_740_817_800_250L).put("ts_us", 1_740_817_800_250_001L);
        SourceRecord insert = new SourceRecord(Map.of(), Map.of(), "referral_outbox.public.outbox", null, null, null,
                ENVELOPE, new Struct(ENVELOPE).put("after", row).put("source", source).put("op", "c"));

        CapturedEvent event = CapturedEvent.from(router.apply(commitTime.apply(insert)));

        assertThat(event).isEqualTo(new CapturedEvent(Topics.REFERRALS.name(), "R-1",
                "3f2b0c1e-7d4a-4e8b-9a61-2c5d8e7f9a10", "ReferralAccepted",
                Instant.parse("2025-03-01T08:30:00.123456Z"), "{ \"referralId\": \"R-1\", \"note\": \"上转\" }",
                Optional.of(Instant.parse("2025-03-01T08:30:00.250001Z"))));
    }

    private static Map<String, String> routerProperties() {
        Properties engine = OutboxEngineProperties.of(OutboxRelaySettings.withDefaults(
                "jdbc:postgresql://db/referral", "relay", "secret", "referral_outbox",
                URI.create("/mma/referral-service"), "offsets", "localhost:9092"));
        String prefix = "transforms.outbox.";
        Map<String, String> router = new HashMap<>();
        engine.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix) && !name.equals(prefix + "type"))
                .forEach(name -> router.put(name.substring(prefix.length()), engine.getProperty(name)));
        return router;
    }
}
