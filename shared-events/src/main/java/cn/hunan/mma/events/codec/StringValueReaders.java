package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Icd9Cm3Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.ReferralId;
import cn.hunan.mma.events.value.SignedMoney;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the string-backed value types (ids, codes, money, periods) by calling their
 * {@code @JsonCreator} directly: Jackson's own path goes through reflection and an argument
 * array for each of the half dozen such values in every record. Only a JSON string takes the
 * short cut; every other token (a number, an array, ...) still goes to Jackson's deserializer,
 * so WRONG_TYPE rejections are unchanged. A value that refuses its text throws its
 * ContractViolation, which Jackson wraps with the field's path as it wrapped its own
 * instantiation error, so the reason, path and message stay the same.
 * <p>
 * Registered on the codec's mapper only: {@link ContractJson}'s mapper, used by services for
 * REST, keeps Jackson's exceptions for a value type read on its own.
 */
final class StringValueReaders {

    /** Each type's {@code @JsonCreator(mode = DELEGATING)}; StringValueReadersTest checks they match. */
    static final Map<Class<?>, Function<String, ?>> CREATORS = Map.ofEntries(
            Map.entry(EventId.class, EventId::new),
            Map.entry(InstitutionId.class, InstitutionId::new),
            Map.entry(AllianceId.class, AllianceId::new),
            Map.entry(DepartmentId.class, DepartmentId::new),
            Map.entry(ReferralId.class, ReferralId::new),
            Map.entry(EpisodeId.class, EpisodeId::new),
            Map.entry(PatientPseudonym.class, PatientPseudonym::new),
            Map.entry(DivisionCode.class, DivisionCode::new),
            Map.entry(Icd10Code.class, Icd10Code::new),
            Map.entry(Icd9Cm3Code.class, Icd9Cm3Code::new),
            Map.entry(DrgCode.class, DrgCode::new),
            Map.entry(Money.class, Money::ofYuan),
            Map.entry(SignedMoney.class, SignedMoney::ofYuan),
            Map.entry(Period.class, Period::parse));

    private StringValueReaders() {
    }

    static Module module() {
        return new SimpleModule("mma-string-value-readers").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Function<String, ?> creator = CREATORS.get(description.getBeanClass());
                return creator == null ? deserializer : new FromString(deserializer, creator);
            }
        });
    }

    private static final class FromString extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;
        private final transient Function<String, ?> creator;

        FromString(JsonDeserializer<?> jacksons, Function<String, ?> creator) {
            super(jacksons);
            this.creator = creator;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new FromString(newDelegatee, creator);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return creator.apply(parser.getText());
            }
            return _delegatee.deserialize(parser, context);
        }
    }
}
