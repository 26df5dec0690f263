package cn.hunan.mma.navigation.ranking.adapters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of the recommendation endpoints ({@code mma.navigation.*}). */
@ConfigMapping(prefix = "mma.navigation")
public interface NavigationSettings {

    /**
     * How often the registry snapshot is reloaded in the background regardless of changes: a
     * safety net for edits committed by other instances (this instance's own show at once).
     */
    @WithDefault("5M")
    Duration matrixRefreshEvery();

    /** How many days of sessions, from today, count as open slots. */
    @WithDefault("7")
    int slotHorizonDays();

    /**
     * ICD-10 prefix → department ids that treat it, e.g. {@code mma.navigation.treating.I63=NEURO}:
     * additions to the registry's own mapping (table {@code diagnosis_department}), for
     * departments outside the seeded list.
     */
    Map<String, List<String>> treating();

    PublicRateLimit publicRateLimit();

    /**
     * Whether the two recommendation endpoints are served by a plain Vert.x route on the event loop
     * ({@code RecommendationRoutes}) rather than by Quarkus REST ({@code RecommendationResource}):
     * same contract, a fraction of the per-request cost. Off gives the REST resource back, for
     * comparison in the benchmark.
     */
    @WithDefault("true")
    boolean fastRoute();

    CapacityReadiness capacityReadiness();

    /**
     * Live slots and beds are flagged stale — shown, never promised (a recommendation's
     * {@code openSlots} is null) — once their institution's capacity feed has been silent this
     * long: no event of any type received from it. Not the age of the figure: slot events come
     * only when someone books or a session changes, and the contract has no heartbeat, so a quiet
     * department's figures stay true while its hospital keeps reporting. An hour: a county
     * hospital's departments book all day; at night a quiet hospital's figures go stale.
     */
    @WithDefault("1H")
    Duration capacityStaleAfter();

    /** Readiness waits for the live capacity view's rebuild from Kafka. */
    interface CapacityReadiness {

        /** Off only where probes come before the consumer can have joined (the test profile). */
        @WithDefault("true")
        boolean enabled();
    }

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
