package cn.hunan.mma.navigation.capacity.messaging;

import cn.hunan.mma.navigation.capacity.CapacityView;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Keeps the live view from growing forever: every hour it drops the sessions of days that are
 * over in China (a replay on start re-adds them, and the next run drops them again). Hourly rather
 * than at midnight so a missed run costs an hour, not a day.
 */
@ApplicationScoped
public class PastSessionsForgetting {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration EVERY = Duration.ofHours(1);

    private final CapacityView view;
    private final Vertx vertx;

    public PastSessionsForgetting(CapacityView view, Vertx vertx) {
        this.view = view;
        this.vertx = vertx;
    }

    void schedule(@Observes StartupEvent started) {
        vertx.setPeriodic(EVERY.toMillis(), timer -> vertx.executeBlocking(() -> {
            forgetPastSessions();
            return null;
        }, false));
    }

    void forgetPastSessions() {
        view.forgetSessionsBefore(LocalDate.now(CHINA));
    }
}
