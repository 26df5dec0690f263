package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Text fields take text. Jackson reads a JSON number or boolean where a string belongs as its text
 * ({@code {"directory":42}} as "42"), so a client that sends a number where the contract says text is silently
 * accepted; on the services' ObjectMapper (Quarkus REST's bodies; the Kafka contract has its own codec) that is a
 * mismatched value, answered 400 naming the field and "expected a string" ({@link UnreadableBody}). Also inside lists
 * and as map values; a map's keys are always JSON strings. Value types read from a string (ids, codes) refuse a
 * number too.
 * <p>
 * Except amounts: {@link Money} and {@link SignedMoney} are read from their yuan text, and a client may well type
 * {@code 123.45} as a JSON number; they keep taking one, as its exact text ({@link AmountFromJson}). A plain string
 * field that holds an amount keeps taking numbers with {@link TextOrNumber}.
 */
@Singleton
public class StrictTextJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(String.class)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("mma-amounts")
                .addDeserializer(Money.class, new AmountFromJson<>(Money.class, Money::ofYuan))
                .addDeserializer(SignedMoney.class, new AmountFromJson<>(SignedMoney.class, SignedMoney::ofYuan)));
    }
}
