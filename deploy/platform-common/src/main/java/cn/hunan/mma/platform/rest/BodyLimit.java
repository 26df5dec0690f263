package cn.hunan.mma.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The largest request body a service takes ({@code quarkus.http.limits.max-body-size}) and the problem past it.
 * Application-scoped, so created on first use: Quarkus REST creates {@link ChunkedBodyLimit} at static init, when a
 * runtime setting (here, its default) cannot be read yet, and Quarkus refuses to start on such a read.
 */
@ApplicationScoped
public class BodyLimit {

    static final String TITLE = "Payload Too Large";

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private final OptionalLong bytes;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.bytes = maxBodySize.map(size -> OptionalLong.of(size.asLongValue())).orElse(OptionalLong.empty());
    }

    /** Empty when the service has no limit (the setting left empty). */
    OptionalLong bytes() {
        return bytes;
    }

    Problem exceeded() {
        long limit = bytes.orElseThrow();
        return Problem.of(413, TITLE, "the request body is larger than this service accepts: at most " + readable(limit));
    }

    /** "10 MiB (10485760 bytes)": the figure as configured (10240K) and as a client counts it. */
    static String readable(long limit) {
        if (limit >= MIB && limit % MIB == 0) {
            return limit / MIB + " MiB (" + limit + " bytes)";
        }
        if (limit >= KIB && limit % KIB == 0) {
            return limit / KIB + " KiB (" + limit + " bytes)";
        }
        return limit + " bytes";
    }
}
