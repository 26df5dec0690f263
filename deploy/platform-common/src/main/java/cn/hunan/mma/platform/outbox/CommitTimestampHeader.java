package cn.hunan.mma.platform.outbox;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

import java.util.Map;

/**
 * Copies the transaction's commit time ({@code source.ts_us} of a Debezium change event) into a
 * header, so the relay can measure commit-to-send lag. It must run before the outbox event router,
 * which keeps headers but drops the {@code source} block. Public only because the engine
 * instantiates transforms by class name; the header never leaves the relay.
 */
public final class CommitTimestampHeader implements Transformation<SourceRecord> {

    static final String HEADER = "mma-committed-at-us";

    @Override
    public SourceRecord apply(SourceRecord record) {
        Long committedAtMicros = commitTimeOf(record);
        if (committedAtMicros == null) {
            return record;
        }
        Headers headers = record.headers().duplicate().addLong(HEADER, committedAtMicros);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    private static Long commitTimeOf(SourceRecord record) {
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("source") == null) {
            return null; // heartbeats and other non-change records
        }
        Struct source = envelope.getStruct("source");
        return source.schema().field("ts_us") == null ? null : source.getInt64("ts_us");
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public void close() {
        // holds no resources
    }
}
