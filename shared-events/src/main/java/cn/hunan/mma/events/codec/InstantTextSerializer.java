package cn.hunan.mma.events.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Instants written as the text {@code Instant.toString()} gives — what the stock serializer writes
 * with timestamps disabled ({@code ISO_INSTANT}) — by {@link IsoTimeText#text}, without the
 * formatter: every contract event carries at least one. The golden fixtures hold the text.
 */
final class InstantTextSerializer extends StdScalarSerializer<Instant> {

    private InstantTextSerializer() {
        super(Instant.class);
    }

    static SimpleModule module() {
        return new SimpleModule("mma-instant-text").addSerializer(Instant.class, new InstantTextSerializer());
    }

    @Override
    public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(IsoTimeText.text(value));
    }
}
