package cn.hunan.mma.scoring.config;

import cn.hunan.mma.scoring.domain.RuleSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads and writes rule sets as JSON (the seed file, the API body, the rule-set topic). */
public final class RuleSetJson {

    public static final String SEED_RESOURCE = "/scoring/seed-rule-set.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RuleSetJson() {
    }

    /** @throws IllegalArgumentException with Jackson's explanation when the text is not a rule set */
    public static RuleSet parse(byte[] json) {
        try {
            return MAPPER.readValue(json, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a rule set: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] write(RuleSet rules) {
        try {
            return MAPPER.writeValueAsBytes(rules);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet seed() {
        try (InputStream in = RuleSetJson.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SEED_RESOURCE + " is missing from the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
