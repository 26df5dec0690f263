package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;

/** The topics the event generator writes to, with their names pre-encoded for event lines. */
public enum WireTopic {
    OUTPATIENT_VISITS(Topics.OUTPATIENT_VISITS),
    INPATIENT(Topics.INPATIENT),
    REFERRALS(Topics.REFERRALS),
    CAPACITY(Topics.CAPACITY),
    PREVENTION(Topics.PREVENTION),
    CONDUCT(Topics.CONDUCT),
    SUPPORT(Topics.SUPPORT);

    private final Topic<?, ?> topic;
    private final byte[] nameBytes;

    WireTopic(Topic<?, ?> topic) {
        this.topic = topic;
        this.nameBytes = JsonBuffer.asciiBytes(topic.name());
    }

    public Topic<?, ?> topic() {
        return topic;
    }

    public byte[] nameBytes() {
        return nameBytes;
    }
}
