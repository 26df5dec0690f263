package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The outbox event of a {@link CaseSettled}, its payload written with Jackson's streaming
 * generator: character for character what {@code ContractOutboxEvents.of(Topics.CASE_SETTLEMENTS, …)}
 * builds with the contract's codec ({@code CaseSettledJsonTest} compares the two over many events,
 * so a field added to the contract fails the build here rather than reaching consumers). The
 * codec's reflective serializer was the largest cost of the settling thread after the database
 * round trips, at one event per case; every other event of this service still goes through it.
 */
final class CaseSettledJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String TYPE = EventTypes.nameOf(CaseSettled.class);

    private CaseSettledJson() {
    }

    static OutboxEvent outboxEvent(CaseSettled event) {
        return new OutboxEvent(Topics.CASE_SETTLEMENTS.name(), Topics.CASE_SETTLEMENTS.keyText(Topics.CASE_SETTLEMENTS.keyOf(event)),
                event.eventId().asUuid(), TYPE, event.occurredAt(), payload(event));
    }

    static String payload(CaseSettled event) {
        StringWriter text = new StringWriter(384);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("type", TYPE);
            json.writeStringField("eventId", event.eventId().value());
            json.writeStringField("occurredAt", event.occurredAt().toString());
            json.writeStringField("dischargeEventId", event.dischargeEventId().value());
            json.writeStringField("institutionId", event.institutionId().value());
            json.writeStringField("method", event.method().name());
            json.writeStringField("groupCode", event.groupCode());
            json.writeStringField("standardPayment", event.standardPayment().toYuanString());
            json.writeStringField("actualCost", event.actualCost().toYuanString());
            json.writeStringField("fundPayable", event.fundPayable().toYuanString());
            json.writeStringField("outlierKind", event.outlierKind().name());
            json.writeStringField("ruleVersion", event.ruleVersion());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CaseSettled " + event.eventId(), e);
        }
        return text.toString();
    }
}
