package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.faults.FaultRates;

import java.time.LocalDate;

/**
 * What to simulate besides the area.
 *
 * @param seed                the same seed, area, options and period always produce the same lines
 * @param firstDay            first day, China Standard Time
 * @param days                how many days (1 to a few years)
 * @param faults              delivery faults to inject
 * @param threads             worker threads (output is identical whatever the number)
 * @param reservedExpertShare share of expert clinic slots held for referrals (a local rule)
 */
public record RunOptions(long seed, LocalDate firstDay, int days, FaultRates faults, int threads,
                         double reservedExpertShare) {

    public static final double DEFAULT_RESERVED_EXPERT_SHARE = 0.2;

    public RunOptions {
        if (days < 1) {
            throw new IllegalArgumentException("a run covers at least one day");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (reservedExpertShare < 0 || reservedExpertShare > 1) {
            throw new IllegalArgumentException("reservedExpertShare must be between 0 and 1");
        }
    }

    public static RunOptions of(long seed, LocalDate firstDay, int days, FaultRates faults) {
        return new RunOptions(seed, firstDay, days, faults, Runtime.getRuntime().availableProcessors(),
                DEFAULT_RESERVED_EXPERT_SHARE);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }
}
