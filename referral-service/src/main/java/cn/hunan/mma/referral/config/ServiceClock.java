package cn.hunan.mma.referral.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock the service judges times by (whether a session has begun, an appointment is past). A bean, so that a test
 * can set the time it runs at (QuarkusMock) instead of depending on when it runs.
 */
@Singleton
public class ServiceClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
