package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The codec's direct calls must be the very creators Jackson would call, and give the same rejections. */
class StringValueReadersTest {

    private static final List<String> SAMPLES = List.of("", " ", "430321H0001", "neurology", "I10", "I10.x00x002", "47.0901",
            "BR25", "430321", "430321100004", "12860.35", "-1250000.00", "12.5", "-0.00", "2025-H1", "2025-03", "2025",
            "1e250c70-dff6-4e52-8690-a9c144e7cf0f", "1E250C70-DFF6-4E52-8690-A9C144E7CF0F",
            "923629b93f7e6789edac3a8a0d1917da2d96adfbbd6a51f3588fcb8ca5f6a4b8", "430321199001011234", "a:b", "x".repeat(65));

    @Test
    void each_direct_call_behaves_as_the_types_json_creator() throws Exception {
        int accepted = 0;
        for (Map.Entry<Class<?>, Function<String, ?>> entry : StringValueReaders.CREATORS.entrySet()) {
            Executable creator = jsonCreatorOf(entry.getKey());
            for (String sample : SAMPLES) {
                Object viaJackson = outcome(() -> invoke(creator, sample));
                Object direct = outcome(() -> entry.getValue().apply(sample));
                assertThat(direct).as(entry.getKey().getSimpleName() + " of " + sample).isEqualTo(viaJackson);
                accepted += viaJackson instanceof String ? 0 : 1;
            }
        }
        assertThat(accepted).as("samples each type accepts").isGreaterThan(StringValueReaders.CREATORS.size());
    }

    @Test
    void a_refused_value_in_a_record_keeps_its_reason_path_and_message() {
        String fixture = new String(GoldenFixtures.bytes("InpatientDischarged"), StandardCharsets.UTF_8);
        byte[] badProcedure = fixture.replace("\"89.5200\"", "\"89.52000x\"").getBytes(StandardCharsets.UTF_8);
        byte[] badMoney = fixture.replace("\"8995.00\"", "\"8995.0\"").getBytes(StandardCharsets.UTF_8);
        byte[] numberForId = fixture.replace("\"430321H0001\"", "430321").getBytes(StandardCharsets.UTF_8);

        assertThat(GoldenFixtures.codec().decode(badProcedure, InpatientDischarged.class)).isEqualTo(new DecodeResult.Rejected<>(
                Reason.MALFORMED_ICD9CM3, "$.procedures[1]", "ICD-9-CM-3 code must look like 47.09, 47.0901, 01.6x00 or 00.6600x004"));
        assertThat(GoldenFixtures.codec().decode(badMoney, InpatientDischarged.class)).isEqualTo(new DecodeResult.Rejected<>(
                Reason.MALFORMED_MONEY, "$.charges.fundPaid", "money must be a string of yuan with exactly two decimals, e.g. \"12345.67\""));
        assertThat(GoldenFixtures.codec().decode(numberForId, InpatientDischarged.class))
                .isInstanceOfSatisfying(DecodeResult.Rejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.WRONG_TYPE);
                    assertThat(rejected.path()).isEqualTo("$.institutionId");
                });
    }

    private static Executable jsonCreatorOf(Class<?> type) {
        List<Executable> creators = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(JsonCreator.class)) {
                creators.add(constructor);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonCreator.class)) {
                creators.add(method);
            }
        }
        assertThat(creators).as(type.getSimpleName() + " has one @JsonCreator").hasSize(1);
        assertThat(creators.get(0).getParameterTypes()).containsExactly(String.class);
        return creators.get(0);
    }

    private static Object invoke(Executable creator, String text) throws Exception {
        try {
            return creator instanceof Constructor<?> constructor ? constructor.newInstance(text) : ((Method) creator).invoke(null, text);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** The value, or "reason|field|message" of the violation. */
    private static Object outcome(ThrowingSupplier supplier) throws Exception {
        try {
            return supplier.get();
        } catch (ContractViolation e) {
            return e.reason() + "|" + Objects.toString(e.field()) + "|" + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        Object get() throws Exception;
    }
}
