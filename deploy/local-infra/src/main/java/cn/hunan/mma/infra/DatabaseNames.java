package cn.hunan.mma.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** A database name for the application under test, when the test does not name one. */
final class DatabaseNames {

    static final String FALLBACK = "app";

    private DatabaseNames() {
    }

    /**
     * {@code quarkus.application.name} from the application's {@code application.properties},
     * made a plain identifier ({@code referral-service} becomes {@code referral_service});
     * {@value #FALLBACK} when there is none. Read from the file because the application's
     * configuration does not exist yet when test resources start.
     */
    static String forCurrentApplication() {
        return applicationName().map(DatabaseNames::identifier).orElse(FALLBACK);
    }

    static String identifier(String name) {
        String identifier = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Character.isDigit(identifier.charAt(0)) ? "_" + identifier : identifier;
    }

    private static Optional<String> applicationName() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DatabaseNames.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream("application.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("quarkus.application.name"))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
    }
}
