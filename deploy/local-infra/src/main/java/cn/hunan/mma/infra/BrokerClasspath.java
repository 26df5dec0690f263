package cn.hunan.mma.infra;

import cn.hunan.mma.infra.broker.BrokerProtocol;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The child broker's classpath: the dependency list that deploy/kafka-broker's build wrote into
 * its jar (absolute paths into the local Maven repository), plus that jar or classes directory
 * itself. Valid on the machine that built it, which is where tests and the local stack run.
 */
final class BrokerClasspath {

    private static final String REBUILD_HINT =
            "rebuild it: ./mvnw -o -pl deploy/kafka-broker install -DskipTests";

    private BrokerClasspath() {
    }

    static String resolve() {
        ClassLoader loader = BrokerClasspath.class.getClassLoader();
        URL listing = loader.getResource(BrokerProtocol.CLASSPATH_RESOURCE);
        if (listing == null) {
            throw new IllegalStateException(BrokerProtocol.CLASSPATH_RESOURCE
                    + " is not on the classpath: depend on cn.hunan.mma:kafka-broker, or " + REBUILD_HINT);
        }
        List<String> entries = new ArrayList<>();
        Arrays.stream(read(listing).trim().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .forEach(entries::add);
        entries.add(ownLocation(listing, loader).toString());
        List<String> missing = entries.stream().filter(entry -> !Files.exists(Path.of(entry))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Kafka broker classpath names missing files " + missing
                    + " (built on another machine, or the local repository changed): " + REBUILD_HINT);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or directory the listing came from, which also holds BrokerMain. */
    private static Path ownLocation(URL listing, ClassLoader loader) {
        String url = listing.toString();
        try {
            if (url.startsWith("jar:file:") && url.contains("!/")) {
                return Path.of(new URL(url.substring("jar:".length(), url.indexOf("!/"))).toURI());
            }
            if (url.startsWith("file:")) {
                Path file = Path.of(listing.toURI());
                // META-INF/mma/kafka-broker.classpath: three levels below the classes directory.
                return file.getParent().getParent().getParent();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kafka-broker classes from " + url, e);
        }
        // Some class loaders (Quarkus's, for instance) serve resources under their own URL scheme.
        return builtClassesDirectory(loader);
    }

    private static Path builtClassesDirectory(ClassLoader loader) {
        URL buildInfo = loader.getResource(BrokerProtocol.BUILD_INFO_RESOURCE);
        if (buildInfo == null) {
            throw new IllegalStateException(BrokerProtocol.BUILD_INFO_RESOURCE + " is missing: " + REBUILD_HINT);
        }
        Properties properties = new Properties();
        try (InputStream in = buildInfo.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + buildInfo, e);
        }
        return Path.of(properties.getProperty("classes.dir"));
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
