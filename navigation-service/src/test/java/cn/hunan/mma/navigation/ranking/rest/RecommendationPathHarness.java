package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.benchmark.load.PlannedQuery;
import cn.hunan.mma.benchmark.workload.QueryMix;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.CapacityViewPolicy;
import cn.hunan.mma.navigation.ranking.CallerKind;
import cn.hunan.mma.navigation.ranking.CapacityReadings;
import cn.hunan.mma.navigation.ranking.adapters.RegistryMatrixView;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.navigation.registry.service.MatrixFileReader;
import cn.hunan.mma.navigation.registry.service.NumberedSnapshot;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.simulator.events.clinical.DiseaseMix;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.MatrixDirectory;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.reference.Area;
import cn.hunan.mma.simulator.reference.ReferenceData;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommendation endpoints' request path in-process, on one thread, over the benchmark's own
 * workload: the whole-province matrix of {@code deploy/benchmark navigation} (seed 42, read back
 * through the registry's file reader as the import reads it) and its 20,000 queries
 * ({@link QueryMix}, same seed). Each query goes the way {@link RecommendationRoutes} takes it —
 * request target → {@link RecommendationQuery#fromUri} → {@link RecommendationAnswers#rank} → JSON bytes — and
 * the harness prints CPU time and bytes allocated per answer, plus a CRC-32 over every answer's
 * bytes so two versions of the code can be shown to answer the same.
 *
 * <p>Live slots: every department gets a deterministic SlotsPublished / SlotsBooked on one day of
 * the horizon (a seventh none, a ninth stale), so every ranking rule and reason is exercised.
 *
 * <p>Tagged {@code benchmark}: not part of the normal suite. Run with
 * {@code ./mvnw -o -q -pl navigation-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest=RecommendationPathHarness}
 * ({@code -Dharness.rounds=N} measured rounds of 20,000, default 5, after 3 warm-up rounds).
 */
@Tag("benchmark")
class RecommendationPathHarness {

    private static final long SEED = 42;
    private static final int QUERIES = 20_000;
    private static final Instant NOW = Instant.parse("2025-03-14T02:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 17);
    private static final String REFERRAL_PATH = "/api/v1/navigation/referral-recommendations";

    @Test
    void answers_the_benchmark_queries(@TempDir Path directory) throws IOException {
        HospitalMatrix province = MatrixGenerator.generate(MatrixOptions.defaults(SEED));
        AreaMatrix area = AreaMatrix.of(province, Area.parse("43"));
        MatrixDirectory.write(directory, area, "deploy/simulate matrix --area 43 --seed 42 --out DIR");
        MatrixFileReader reader = new MatrixFileReader(ContractCodec.standard());
        List<InstitutionSnapshot> institutions = snapshots(reader, directory, RegistryTable.INSTITUTIONS);
        List<SpecialtySnapshot> specialties = snapshots(reader, directory, RegistryTable.SPECIALTIES);
        List<GuidanceCatalogueEntry> catalogue = snapshots(reader, directory, RegistryTable.GUIDANCE_CATALOGUE);
        RegistryMatrixView view = new RegistryMatrixView(institutions, specialties, catalogue, Map.of());
        CapacityReadings slots = CapacityReadings.over(liveSlots(specialties), FIRST_DAY, FIRST_DAY.plusDays(6));
        List<String> queries = new QueryMix(area, new DiseaseMix(ReferenceData.bundled().diagnoses(), province.catalogue()),
                QueryMix.Shares.DEFAULT, institution -> "unused").draw(QUERIES, SEED)
                .stream().map(PlannedQuery::pathAndQuery).toList();
        System.out.printf("harness: %,d institutions, %,d departments, %,d queries%n",
                institutions.size(), specialties.size(), queries.size());

        Round first = round(view, slots, queries);
        System.out.printf("harness: answers %,d bytes, CRC-32 %08x, %,d refused%n", first.bytes, first.crc, first.refused);
        assertThat(first.refused).isLessThan(QUERIES / 100);
        for (int i = 0; i < 2; i++) {
            Round again = round(view, slots, queries);
            assertThat(again.crc).as("the same queries answer the same bytes").isEqualTo(first.crc);
        }
        int rounds = Integer.getInteger("harness.rounds", 5);
        String jfr = System.getProperty("harness.jfr");
        Recording recording = jfr == null ? null : allocationRecording();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= rounds; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            Round measured = round(view, slots, queries);
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpu;
            long bytes = threads.getCurrentThreadAllocatedBytes() - allocated;
            assertThat(measured.crc).isEqualTo(first.crc);
            System.out.printf("harness: round %d: %.1f µs CPU per answer, %,d bytes allocated per answer%n",
                    i, cpuNanos / 1000.0 / QUERIES, bytes / QUERIES);
        }
        if (recording != null) {
            recording.dump(Path.of(jfr));
            recording.close();
            System.out.println("harness: allocation samples of the measured rounds in " + jfr);
        }
    }

    /** Where the measured rounds' bytes and CPU go ({@code -Dharness.jfr=FILE}): JFR's allocation and execution samples. */
    private static Recording allocationRecording() {
        Recording recording = new Recording();
        recording.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s").withStackTrace();
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1)).withStackTrace();
        recording.start();
        return recording;
    }

    private record Round(long bytes, long crc, int refused) {
    }

    /** Every query once, as the route answers it; refusals count with their status and title. */
    private static Round round(RegistryMatrixView view, CapacityReadings slots, List<String> queries) {
        CRC32 crc = new CRC32();
        long bytes = 0;
        int refused = 0;
        for (String pathAndQuery : queries) {
            RecommendationAnswers.Answer answer = answer(view, slots, pathAndQuery);
            if (answer.json() != null) {
                // Read in place and released, as the route's write does: no array of the harness's own.
                crc.update(answer.json().nioBuffer());
                bytes += answer.json().readableBytes();
                answer.json().release();
            } else {
                refused++;
                Problem problem = answer.problem();
                crc.update((problem.status() + " " + problem.detail()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Round(bytes, crc.getValue(), refused);
    }

    /** What {@code RecommendationRoutes.recommend} does, minus the HTTP response. */
    private static RecommendationAnswers.Answer answer(RegistryMatrixView view, CapacityReadings slots, String pathAndQuery) {
        CallerKind caller = pathAndQuery.startsWith(REFERRAL_PATH) ? CallerKind.REFERRING_DOCTOR : CallerKind.PUBLIC;
        RecommendationQuery query = RecommendationQuery.fromUri(pathAndQuery);
        try {
            return RecommendationAnswers.rank(view, slots, query.toRequest(caller), query.limit());
        } catch (ContractViolation e) {
            return new RecommendationAnswers.Answer(null, Problem.of(400, "Bad Request", e.getMessage()), 0);
        }
    }

    private static <S extends cn.hunan.mma.events.matrix.MatrixSnapshot> List<S> snapshots(
            MatrixFileReader reader, Path directory, RegistryTable<S, ?> table) {
        var content = reader.read(directory, table);
        assertThat(content.rejected()).as(table.file().fileName()).isEmpty();
        return content.rows().stream().map(NumberedSnapshot::snapshot).toList();
    }

    /**
     * Slots for each department on one day of the horizon, worked out from its position in the
     * list: 5–24 public and 0–4 reserved, some booked; every seventh has none, every ninth was
     * received two hours ago (stale where nothing else of its institution was received since).
     */
    private static CapacityView liveSlots(List<SpecialtySnapshot> specialties) {
        CapacityView view = new CapacityView(Clock.fixed(NOW, ZoneOffset.UTC), CapacityViewPolicy.DEFAULTS);
        for (int i = 0; i < specialties.size(); i++) {
            if (i % 7 == 0) {
                continue;
            }
            SpecialtySnapshot department = specialties.get(i);
            Instant at = i % 9 == 0 ? NOW.minusSeconds(7200) : NOW.minusSeconds(60);
            ClinicSession session = new ClinicSession(department.departmentId(), FIRST_DAY.plusDays(i % 7),
                    SessionPeriod.AM, true);
            int published = 5 + i % 20;
            view.apply(new SlotsPublished(EventId.random(), at, department.institutionId(), session, published,
                    i % 5, null), at.toEpochMilli());
            int booked = (i * 7) % (published + 1);
            if (booked > 0) {
                view.apply(new SlotsBooked(EventId.random(), at, department.institutionId(), session,
                        SlotChannel.PUBLIC, booked, null), at.toEpochMilli());
            }
        }
        return view;
    }
}
