package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.simulator.io.EventFileWriter;
import cn.hunan.mma.simulator.io.EventLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures the oracle's rate; a {@code main}, not a unit test.
 * <pre>
 * java … OracleThroughput EVENTS.jsonl.gz MATRIX_DIR     an existing generated file
 * java … OracleThroughput [EVENT_COUNT]                  a synthetic file over {@link SmallHunan} (default 1,000,000)
 * </pre>
 * The synthetic mix: 80% visits, 8% admissions, 8% discharges, 4% referral events; 1% of lines
 * delivered twice; 0.5% of discharges corrected, a third of those before the original.
 */
public final class OracleThroughput {

    private static final InstitutionId[] PLACES = {SmallHunan.VILLAGE_CLINIC, SmallHunan.TOWNSHIP_CENTRE,
            SmallHunan.COUNTY_HOSPITAL, SmallHunan.XIANGXIANG_HOSPITAL, SmallHunan.CENTRAL_HOSPITAL, SmallHunan.XIANGYA_HOSPITAL};

    private OracleThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path events;
        Path matrix;
        if (args.length == 2) {
            events = Path.of(args[0]);
            matrix = Path.of(args[1]);
        } else {
            Path dir = Files.createTempDirectory("oracle-throughput");
            matrix = SmallHunan.writeTo(dir.resolve("matrix"));
            events = synthesise(dir.resolve("events.jsonl.gz"), args.length == 1 ? Integer.parseInt(args[0]) : 1_000_000);
        }
        Oracle oracle = new Oracle(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
        for (int run = 1; run <= 2; run++) {
            long started = System.nanoTime();
            OracleReport report = oracle.run(events, matrix);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("run %d: %,d lines in %.1f s = %,.0f lines/s; heap used %,d MiB%n", run, report.delivery().lines(),
                    seconds, report.delivery().lines() / seconds,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }

    private static Path synthesise(Path file, int count) {
        Random random = new Random(2025);
        List<ContractRecord> heldBack = new ArrayList<>();
        try (EventFileWriter writer = new EventFileWriter(file)) {
            for (int i = 0; i < count; i++) {
                EventLine line = Deliveries.lineOf(next(i, random, heldBack));
                writer.write(line);
                if (random.nextInt(100) == 0) {
                    writer.write(line);
                }
            }
        }
        return file;
    }

    private static ContractRecord next(int i, Random random, List<ContractRecord> heldBack) {
        if (!heldBack.isEmpty() && random.nextInt(50) == 0) {
            return heldBack.remove(heldBack.size() - 1);
        }
        String day = String.format("2025-%02d-%02dT%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60));
        InstitutionId at = PLACES[random.nextInt(PLACES.length)];
        var patient = Events.patient("p" + random.nextInt(200_000));
        int kind = random.nextInt(100);
        if (kind < 80) {
            return Events.visit("v" + i).at(at).of(patient).on(day).build();
        } else if (kind < 88) {
            return Events.admission("a" + i).at(at).of(patient).on(day).build();
        } else if (kind < 96) {
            Events.Discharge discharge = Events.discharge("d" + i).from(at).of(patient).on(day).after(random.nextInt(20));
            if (random.nextInt(200) == 0) {
                ContractRecord correction = Events.discharge("d" + i + " corrected").from(at).of(patient).on(day)
                        .costing("5000.00", "3000.00").correcting("d" + i).build();
                if (random.nextInt(3) == 0) {
                    heldBack.add(discharge.build());
                    return correction;
                }
                heldBack.add(correction);
            }
            return discharge.build();
        }
        return Referrals.referral("R" + i).requested(at, PLACES[(List.of(PLACES).indexOf(at) + 1) % PLACES.length],
                ReferralDirection.UP, day);
    }
}
