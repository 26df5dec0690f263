package cn.hunan.mma.benchmark.scoring;

/**
 * What one contender did with the whole file: wall time from its first record (the scorer: from RUNNING) until
 * everything was counted, and its JVM's CPU time over the same span.
 */
record ContenderResult(String label, long events, double wallSeconds, double cpuSeconds) {

    static final double HUNAN_YEAR_EVENTS = 320e6;

    double eventsPerSecond() {
        return events / wallSeconds;
    }

    double cpuSecondsPerMillion() {
        return cpuSeconds / events * 1e6;
    }

    /** The time to replay a Hunan year (≈ 320 M events) at this rate, in minutes: an extrapolation, not a measurement. */
    double hunanYearMinutes() {
        return HUNAN_YEAR_EVENTS / eventsPerSecond() / 60;
    }
}
