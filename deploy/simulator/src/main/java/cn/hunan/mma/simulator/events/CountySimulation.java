package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.faults.FaultInjector;
import cn.hunan.mma.simulator.random.Seeds;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one county-level unit day after day. Each day draws from its own random stream,
 * keyed by (seed, county, day), and the unit's deferred lines carry what earlier days planned
 * for later ones, so the days of one unit run in order while units run in parallel.
 * Not thread-safe: one day at a time.
 */
final class CountySimulation {

    private final CountyModel model;
    private final SimulationCalendar calendar;
    private final List<DailyWork> work;
    private final FaultInjector faults;
    private final long seed;
    private final long runDigest;
    private final DeferredLines deferred;
    private final LineBatch batch = new LineBatch();

    CountySimulation(CountyModel model, SimulationCalendar calendar, List<DailyWork> work, FaultInjector faults, long seed,
                     long runDigest) {
        this.model = model;
        this.calendar = calendar;
        this.work = work;
        this.faults = faults;
        this.seed = seed;
        this.runDigest = runDigest;
        this.deferred = new DeferredLines(calendar.days());
    }

    /** The day's lines in delivery order, cut into hourly slices (not yet encoded). */
    DayOutput simulate(int day) {
        batch.clear();
        EventTally tally = new EventTally();
        tally.delivered(deferred.drainInto(day, batch));
        SplittableRandom random = Seeds.stream(seed, "county-day", Long.parseLong(model.countyCode), day);
        EventEmitter emitter = new EventEmitter(new EventIds(runDigest, calendar.epochDay(day), model.countyCode), faults,
                random, batch, deferred, tally, calendar.dayStart(day), day);
        CountyDay countyDay = new CountyDay(model, calendar, day, random, emitter);
        for (DailyWork activity : work) {
            activity.run(countyDay);
        }
        return new DayOutput(batch.hourlySlices(), tally);
    }
}
