package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.value.Reason;

import java.util.Objects;

/**
 * The outcome of decoding one payload: a valid record, or a rejection naming the reason and
 * the JSON path (e.g. {@code $.procedures[1]}) so the record can go to the dead-letter topic.
 *
 * @param <V> the record type the caller expected
 */
public sealed interface DecodeResult<V extends ContractRecord> {

    /** The record, or a {@link RejectedRecordException} carrying the rejection. */
    V orElseThrow();

    record Decoded<V extends ContractRecord>(V record) implements DecodeResult<V> {
        public Decoded {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public V orElseThrow() {
            return record;
        }
    }

    /**
     * @param path    JSON path of the offending value, {@code $} for the whole payload
     * @param message what was expected; never contains the rejected value
     */
    record Rejected<V extends ContractRecord>(Reason reason, String path, String message) implements DecodeResult<V> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public V orElseThrow() {
            throw new RejectedRecordException(reason, path, message);
        }

        /** The same rejection typed for another expected record type. */
        @SuppressWarnings("unchecked")
        <W extends ContractRecord> Rejected<W> retyped() {
            return (Rejected<W>) this;
        }
    }
}
