package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.topic.Topic;

import java.nio.charset.StandardCharsets;

/**
 * Builds outbox events from the typed contract, so a service never spells a topic name, a key
 * format or an event type by hand:
 * {@code session.persist(OutboxEventEntity.of(ContractOutboxEvents.of(Topics.REFERRALS, accepted)))}.
 */
public final class ContractOutboxEvents {

    private ContractOutboxEvents() {
    }

    /** The event for {@code record} on {@code topic}, keyed as the topic keys it, encoded by the standard codec. */
    public static <K, V extends ContractRecord> OutboxEvent of(Topic<K, V> topic, V record) {
        return of(topic, record, ContractCodec.standard());
    }

    public static <K, V extends ContractRecord> OutboxEvent of(Topic<K, V> topic, V record, ContractCodec codec) {
        return new OutboxEvent(topic.name(), topic.keyText(topic.keyOf(record)), record.eventId().asUuid(),
                EventTypes.nameOf(record), record.occurredAt(),
                new String(codec.encode(record), StandardCharsets.UTF_8));
    }
}
