package cn.hunan.mma.navigation.capacity.messaging;

import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.CapacityViewPolicy;
import cn.hunan.mma.navigation.ranking.adapters.NavigationSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one live capacity view of this instance. It lives in memory only: on start the consumer
 * replays the capacity topic from the beginning to rebuild it (see application.properties).
 */
public class CapacityViewProducer {

    // Singleton, not application-scoped: no client proxy, whose context lookup on every call was
    // visible in the profile (a recommendation reads the view once per department it scores).
    @Produces
    @Singleton
    CapacityView capacityView(NavigationSettings settings) {
        return new CapacityView(Clock.systemUTC(),
                CapacityViewPolicy.DEFAULTS.withStaleAfter(settings.capacityStaleAfter()));
    }
}
