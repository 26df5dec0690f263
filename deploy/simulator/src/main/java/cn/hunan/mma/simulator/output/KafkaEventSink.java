package cn.hunan.mma.simulator.output;

import cn.hunan.mma.simulator.events.EventSink;

/** Sends generated lines straight to Kafka, in output order, through one idempotent producer. */
public final class KafkaEventSink implements EventSink {

    private final KafkaLineSender sender;

    public KafkaEventSink(KafkaLineSender sender) {
        this.sender = sender;
    }

    @Override
    public void write(byte[] encoded) {
        sender.sendLines(encoded);
    }

    @Override
    public void close() {
        sender.close();
    }
}
