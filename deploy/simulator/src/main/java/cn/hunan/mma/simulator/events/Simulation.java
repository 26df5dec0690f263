package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.clinical.DiseaseMix;
import cn.hunan.mma.simulator.events.clinical.DrgCatalogue;
import cn.hunan.mma.simulator.events.faults.FaultInjector;
import cn.hunan.mma.simulator.events.population.CareRates;
import cn.hunan.mma.simulator.events.population.Residents;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.CareNetwork;
import cn.hunan.mma.simulator.matrix.County;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.reference.ReferenceData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates an area's events for a period and writes them to a sink.
 *
 * <p>Work is split into (county-level unit, day) pieces: the days of one unit run in order, units
 * run in parallel on a pool, and each piece's hourly slices are encoded (compressed) on the pool
 * too. One thread writes: day by day, hour by hour, unit by unit in code order. Every piece draws
 * from its own random stream, so the output is byte-identical whatever the thread count, and a
 * day's events are at most an hour out of time order across units (plus injected faults).
 */
public final class Simulation {

    /** Days generated ahead of the writer: bounds memory while keeping both cores busy. */
    private static final int DAYS_AHEAD = 1;
    /** Share of ordinary clinic slots held for referrals (expert clinics hold the configurable share). */
    private static final double RESERVED_GENERAL_SHARE = 0.1;

    private final AreaMatrix area;
    private final RunOptions options;
    private final SimulationCalendar calendar;
    private final List<CountySimulation> counties = new ArrayList<>();

    public Simulation(AreaMatrix area, RunOptions options) {
        this.area = area;
        this.options = options;
        this.calendar = new SimulationCalendar(options.firstDay(), options.days());
        ReferenceData reference = ReferenceData.bundled();
        HospitalMatrix matrix = area.matrix();
        DiseaseMix diseases = new DiseaseMix(reference.diagnoses(), matrix.catalogue());
        Stays stays = new Stays(new DrgCatalogue(reference.drgGroups(), reference.procedureCodes()));
        Referrals referrals = new Referrals(stays);
        List<DailyWork> work = List.of(
                new CapacityReports(options.reservedExpertShare(), RESERVED_GENERAL_SHARE),
                new SupportReports(options.seed()),
                new ConductIncidents(),
                new PreventionWork(),
                new OutpatientVisits(diseases, referrals),
                new Admissions(diseases, stays, referrals));
        CareRates rates = CareRates.calibratedOn(matrix.geography());
        FaultInjector faults = new FaultInjector(options.faults());
        List<List<Institution>> reporting = reportingInstitutions(area);
        long runDigest = EventIds.runDigest(options, area.area().code());
        for (int i = 0; i < area.counties().size(); i++) {
            County county = area.counties().get(i);
            CareNetwork network = matrix.network(county.code());
            Residents residents = new Residents(county, network.villages(), options.seed());
            CountyModel model = new CountyModel(residents, network, county.inProvincialCapital(), rates,
                    reporting.get(i));
            counties.add(new CountySimulation(model, calendar, work, faults, options.seed(), runDigest));
        }
    }

    public AreaMatrix area() {
        return area;
    }

    public RunOptions options() {
        return options;
    }

    /**
     * Runs the whole period into the sink (which is not closed) and returns what was generated.
     * Progress is reported after each day is written, from the writing thread.
     */
    public EventTally run(EventSink sink, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), new WorkerThreads());
        BlockingQueue<List<CompletableFuture<DayOutput>>> days = new ArrayBlockingQueue<>(DAYS_AHEAD);
        Thread scheduler = new Thread(() -> schedule(sink, pool, days), "simulation-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();
        EventTally total = new EventTally();
        try {
            for (int day = 0; day < options.days(); day++) {
                List<DayOutput> outputs = new ArrayList<>(counties.size());
                for (CompletableFuture<DayOutput> piece : days.take()) {
                    outputs.add(piece.join());
                }
                for (int hour = 0; hour < LineBatch.HOURS; hour++) {
                    for (DayOutput output : outputs) {
                        byte[] slice = output.hourlySlices()[hour];
                        if (slice.length > 0) {
                            sink.write(slice);
                        }
                    }
                }
                outputs.forEach(output -> total.add(output.tally()));
                progress.dayWritten(day + 1, options.days(), total.linesDelivered());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            scheduler.interrupt();
            pool.shutdownNow();
        }
    }

    /** Queues each day's pieces: a unit's day waits for its previous day, then its slices are encoded. */
    private void schedule(EventSink sink, ExecutorService pool, BlockingQueue<List<CompletableFuture<DayOutput>>> days) {
        List<CompletableFuture<DayOutput>> previous = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            previous.add(CompletableFuture.completedFuture(null));
        }
        try {
            for (int day = 0; day < options.days(); day++) {
                int today = day;
                List<CompletableFuture<DayOutput>> pieces = new ArrayList<>(counties.size());
                for (int i = 0; i < counties.size(); i++) {
                    CountySimulation county = counties.get(i);
                    CompletableFuture<DayOutput> generated = previous.get(i).thenApplyAsync(ignored -> county.simulate(today), pool);
                    previous.set(i, generated);
                    pieces.add(generated.thenApplyAsync(output -> encode(output, sink), pool));
                }
                days.put(pieces);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DayOutput encode(DayOutput output, EventSink sink) {
        byte[][] slices = output.hourlySlices();
        byte[][] encoded = new byte[slices.length][];
        for (int hour = 0; hour < slices.length; hour++) {
            encoded[hour] = slices[hour].length == 0 ? slices[hour] : sink.encode(slices[hour]);
        }
        return new DayOutput(encoded, output.tally());
    }

    /**
     * Institutions whose capacity, support and conduct reports each unit's share of the output
     * carries: those standing in the unit; partners outside the area go with the first unit.
     */
    private static List<List<Institution>> reportingInstitutions(AreaMatrix area) {
        Map<String, List<Institution>> byCounty = new LinkedHashMap<>();
        for (County county : area.counties()) {
            byCounty.put(county.code(), new ArrayList<>());
        }
        List<Institution> first = byCounty.values().iterator().next();
        for (Institution institution : area.institutions()) {
            byCounty.getOrDefault(institution.countyCode(), first).add(institution);
        }
        return new ArrayList<>(byCounty.values());
    }

    /** Told after each day is written. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (written, total, lines) -> { };

        void dayWritten(int daysWritten, int totalDays, long linesWritten);
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "simulation-worker-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
