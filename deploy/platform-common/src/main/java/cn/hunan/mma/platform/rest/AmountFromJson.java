package cn.hunan.mma.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.util.function.Function;

/**
 * An amount of money from its yuan text, given as a JSON string ("123.45") or number (123.45). A number is read as
 * the characters the client wrote, never through a double, so it is exactly what a string of them would be; the
 * amount's own parser refuses what is not yuan (three decimals, an exponent) as it refuses such a string.
 * {@link TextOrNumber} reads a text field holding an amount the same way, keeping the text.
 */
class AmountFromJson<T> extends StdScalarDeserializer<T> {

    private final transient Function<String, T> ofYuan;

    AmountFromJson(Class<T> type, Function<String, T> ofYuan) {
        super(type);
        this.ofYuan = ofYuan;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return ofYuan.apply(parser.getText());
        }
        return (T) context.handleUnexpectedToken(handledType(), parser);
    }
}
