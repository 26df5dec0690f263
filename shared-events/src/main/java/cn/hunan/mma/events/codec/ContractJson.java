package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.registry.EventTypes;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration for contract payloads. Services that print or accept contract
 * records elsewhere (REST, logs of ids) should use it too, so every JSON form matches the schemas.
 */
public final class ContractJson {

    private ContractJson() {
    }

    public static ObjectMapper newObjectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StrictTimeDeserializers.module())
                .addModule(InstantTextSerializer.module())
                .addModule(RequiredComponents.module())
                // Tolerant reader: evolution is additive, so a newer producer's extra fields are ignored.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Strict about what is there: no "3" for 3, no 3.0 for an int, no 123 for an id.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // A repeated key (two "type"s, two "patient"s) is an attempt to confuse some reader.
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // An explicit null for a primitive is as absent as a missing one (MISSING_FIELD, not 0 or false).
        for (Class<?> primitive : new Class<?>[] {int.class, long.class, boolean.class}) {
            mapper.configOverride(primitive).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        EventTypes.all().forEach((name, type) -> mapper.registerSubtypes(new NamedType(type, name)));
        return mapper;
    }
}
