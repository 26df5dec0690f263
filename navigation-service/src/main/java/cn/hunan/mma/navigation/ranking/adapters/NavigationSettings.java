package cn.hunan.mma.navigation.ranking.adapters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of the recommendation endpoints ({@code mma.navigation.*}). */
@ConfigMapping(prefix = "mma.navigation")
public interface NavigationSettings {

    /** How old the in-memory registry snapshot may get before a request reloads it. */
    @WithDefault("30S")
    Duration matrixMaxAge();

    /** How many days of sessions, from today, count as open slots. */
    @WithDefault("7")
    int slotHorizonDays();

    /**
     * ICD-10 prefix → department ids that treat it, e.g. {@code mma.navigation.treating.I63=NEURO}.
     * The registry has no such mapping; without an entry a diagnosis-only request finds nobody.
     */
    Map<String, List<String>> treating();

    PublicRateLimit publicRateLimit();

    /** Token bucket per client address for the public endpoint. */
    interface PublicRateLimit {

        /** Tokens added per second. */
        @WithDefault("20")
        double perSecond();

        /** Bucket size: requests allowed in one burst. */
        @WithDefault("40")
        int burst();
    }
}
