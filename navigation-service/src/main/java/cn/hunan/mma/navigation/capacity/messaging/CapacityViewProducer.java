package cn.hunan.mma.navigation.capacity.messaging;

import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.CapacityViewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one live capacity view of this instance. It lives in memory only: on start the consumer
 * replays the capacity topic from the beginning to rebuild it (see application.properties).
 */
public class CapacityViewProducer {

    @Produces
    @ApplicationScoped
    CapacityView capacityView() {
        return new CapacityView(Clock.systemUTC(), CapacityViewPolicy.DEFAULTS);
    }
}
