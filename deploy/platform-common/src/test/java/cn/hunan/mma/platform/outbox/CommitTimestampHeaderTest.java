package cn.hunan.mma.platform.outbox;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommitTimestampHeaderTest {

    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("referral.public.outbox.Envelope")
            .field("op", Schema.STRING_SCHEMA)
            .field("source", SOURCE)
            .build();

    private final CommitTimestampHeader transform = new CommitTimestampHeader();

    @Test
    void copies_the_commit_time_in_microseconds_into_a_header() {
        Struct source = new Struct(SOURCE).put("ts_ms", 1_740_817_800_123L).put("ts_us", 1_740_817_800_123_456L);
        SourceRecord change = record(new Struct(ENVELOPE).put("op", "c").put("source", source), ENVELOPE);

        SourceRecord transformed = transform.apply(change);

        assertThat(transformed.headers().lastWithName(CommitTimestampHeader.HEADER).value()).isEqualTo(1_740_817_800_123_456L);
        assertThat(transformed.value()).isSameAs(change.value());
    }

    @Test
    void leaves_records_without_a_source_block_alone() {
        Schema heartbeat = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA).build();
        SourceRecord beat = record(new Struct(heartbeat).put("ts_ms", 1L), heartbeat);

        assertThat(transform.apply(beat).headers().lastWithName(CommitTimestampHeader.HEADER)).isNull();
    }

    private static SourceRecord record(Struct value, Schema schema) {
        return new SourceRecord(Map.of(), Map.of(), "referral.public.outbox", null, null, null, schema, value);
    }
}
