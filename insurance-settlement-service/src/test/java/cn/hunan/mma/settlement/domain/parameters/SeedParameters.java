package cn.hunan.mma.settlement.domain.parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The synthetic seed version's JSON, taken from the migration itself so tests exercise what is actually loaded. */
public final class SeedParameters {

    private SeedParameters() {
    }

    public static String json() {
        try (InputStream in = SeedParameters.class.getResourceAsStream("/db/migration/V4__area_parameters.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("$json$") + "$json$".length();
            return sql.substring(start, sql.indexOf("$json$", start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
