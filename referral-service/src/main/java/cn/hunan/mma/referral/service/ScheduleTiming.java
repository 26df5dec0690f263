package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.referral.config.ReferralSettings;
import cn.hunan.mma.referral.domain.ReferralCommand;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A referral is scheduled for what lies ahead: not into a clinic session that has begun (nor, so, ended), nor for an
 * appointment already past, and a slot's appointment lies in its session (its day, from its opening). Checked before
 * anything is held, against the service's {@link Clock}, allowing {@code mma.referral.schedule-clock-tolerance} for
 * clocks that differ. Before 2026-11-25 (5) any time was accepted: a slot of this morning's session was held at noon.
 */
@ApplicationScoped
public class ScheduleTiming {

    private final Clock clock;
    private final Duration tolerance;

    public ScheduleTiming(Clock clock, ReferralSettings settings) {
        this.clock = clock;
        this.tolerance = settings.scheduleClockTolerance();
    }

    /** @throws ContractViolation (400, naming the field and the times) when the schedule is for a time gone by */
    public void check(ReferralCommand.Schedule schedule, Optional<SlotChoice> slot) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant earliest = now.minus(tolerance);
        Instant appointment = schedule.appointmentAt();
        if (slot.isPresent()) {
            SlotChoice session = slot.get();
            if (session.startsAt().isBefore(earliest)) {
                throw ContractViolation.invalid("sessionDate", "sessionDate, sessionPeriod: the session " + session.name()
                        + " opened at " + session.opensAt() + " and it is now " + SlotChoice.inChina(now)
                        + "; schedule into a session that has not begun");
            }
            if (!session.admits(appointment)) {
                throw ContractViolation.invalid("appointmentAt", "appointmentAt: " + appointment + " is not in the session "
                        + session.name() + ", which opens at " + session.opensAt() + "; an appointment in it is on that day, from then");
            }
        }
        if (appointment.isBefore(earliest)) {
            throw ContractViolation.invalid("appointmentAt", "appointmentAt: " + appointment + " is past: it is now " + now
                    + " (clocks may differ by up to " + tolerance + ")");
        }
    }
}
