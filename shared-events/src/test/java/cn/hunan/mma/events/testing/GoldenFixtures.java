package cn.hunan.mma.events.testing;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The golden fixtures: one realistic, valid payload per event type (湘潭县 institutions, real
 * ICD-10 / ICD-9-CM-3 / CHS-DRG codes), under {@code /fixtures/golden/<TypeName>.json}. Shipped
 * in this module's test-jar so other modules' tests can start from the same payloads.
 */
public final class GoldenFixtures {

    /** Later than every fixture's {@code occurredAt}: the clock to decode fixtures with. */
    public static final Instant AFTER_ALL_FIXTURES = Instant.parse("2026-06-30T00:00:00Z");

    /**
     * The key the fixtures' patient pseudonyms were made with, from fictional ID numbers
     * (430321195203140021, 430321196809021531, 430321194706113047). Never a production key.
     */
    public static final byte[] PSEUDONYM_KEY = "mma-golden-fixture-key-not-for-production".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final String DIRECTORY = "/fixtures/golden/";

    private GoldenFixtures() {
    }

    /** A codec whose clock sits after every fixture, so none is "in the future". */
    public static ContractCodec codec() {
        return ContractCodec.withClock(Clock.fixed(AFTER_ALL_FIXTURES, ZoneOffset.UTC));
    }

    public static byte[] bytes(String typeName) {
        String resource = DIRECTORY + typeName + ".json";
        try (InputStream in = GoldenFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture of a record type, decoded. */
    public static <V extends ContractRecord> V record(Class<V> type) {
        return codec().decode(bytes(EventTypes.nameOf(type)), type).orElseThrow();
    }
}
