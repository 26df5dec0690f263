package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.codec.IsoTimeText;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The outbox events of a batch, in its order. One generator and one buffer for the whole batch,
     * each payload cut out of it: creating and closing a generator per event was a quarter of the
     * cost of writing the payload.
     */
    static List<OutboxEvent> outboxEvents(List<CaseSettled> events) {
        StringWriter text = new StringWriter(events.size() * 384);
        int[] ends = new int[events.size()];
        try (JsonGenerator json = JSON.createGenerator(text)) {
            // No separator between root values: the payloads are written back to back and cut apart.
            json.setRootValueSeparator(null);
            for (int i = 0; i < events.size(); i++) {
                write(json, events.get(i));
                // What reached the writer plus what the generator still holds: the end of this payload.
                ends[i] = text.getBuffer().length() + json.getOutputBuffered();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a batch of CaseSettled", e);
        }
        StringBuffer payloads = text.getBuffer();
        List<OutboxEvent> outbox = new ArrayList<>(events.size());
        for (int i = 0, from = 0; i < events.size(); from = ends[i], i++) {
            CaseSettled event = events.get(i);
            outbox.add(new OutboxEvent(Topics.CASE_SETTLEMENTS.name(),
                    Topics.CASE_SETTLEMENTS.keyText(Topics.CASE_SETTLEMENTS.keyOf(event)), event.eventId().asUuid(), TYPE,
                    event.occurredAt(), payloads.substring(from, ends[i])));
        }
        return outbox;
    }

    private static void write(JsonGenerator json, CaseSettled event) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", TYPE);
        json.writeStringField("eventId", event.eventId().value());
        json.writeStringField("occurredAt", IsoTimeText.text(event.occurredAt())); // the codec's ISO_INSTANT text
        json.writeStringField("dischargeEventId", event.dischargeEventId().value());
        json.writeStringField("institutionId", event.institutionId().value());
        json.writeStringField("method", event.method().name());
        json.writeStringField("groupCode", event.groupCode());
        json.writeStringField("standardPayment", event.standardPayment().toYuanString());
        json.writeStringField("actualCost", event.actualCost().toYuanString());
        json.writeStringField("fundPayable", event.fundPayable().toYuanString());
        json.writeStringField("outlierKind", event.outlierKind().name());
        json.writeStringField("ruleVersion", event.ruleVersion());
        if (event.supersedes() != null) {
            json.writeArrayFieldStart("supersedes");
            for (EventId discharge : event.supersedes()) {
                json.writeString(discharge.value());
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
