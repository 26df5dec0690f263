package cn.hunan.mma.benchmark.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The background capacity stream: slots published, booked and released for the coming week's
 * sessions, and bed reports, for departments of the matrix chosen in proportion to their size
 * (beds + daily slots), so big hospitals report more often. Departments the freshness probe owns
 * never get a background bed report, which would overwrite the probe's figures.
 */
public final class CapacityEventSource {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int SESSION_DAYS = 7;
    private static final SessionPeriod[] PERIODS = {SessionPeriod.AM, SessionPeriod.PM};

    private final List<DepartmentCapacity> departments;
    private final double[] cumulativeWeight;
    private final Set<DepartmentCapacity> probeOwned;
    private final Clock clock;
    private final SplittableRandom random;

    public CapacityEventSource(List<DepartmentCapacity> departments, Set<DepartmentCapacity> probeOwned, Clock clock, long seed) {
        if (departments.isEmpty()) {
            throw new IllegalArgumentException("no departments report capacity");
        }
        this.departments = List.copyOf(departments);
        this.probeOwned = Set.copyOf(probeOwned);
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.cumulativeWeight = new double[departments.size()];
        double sum = 0;
        for (int i = 0; i < departments.size(); i++) {
            sum += departments.get(i).beds() + departments.get(i).dailySlots();
            cumulativeWeight[i] = sum;
        }
    }

    /**
     * The next event: 25% published, 45% booked, 15% released (a booking where the department runs no expert clinic),
     * 15% bed reports (slots where a department has no beds).
     */
    public CapacityEvent next() {
        DepartmentCapacity department = department();
        double kind = random.nextDouble();
        boolean reportsBeds = department.beds() > 0 && !probeOwned.contains(department);
        if ((kind >= 0.85 && reportsBeds) || department.dailySlots() == 0) {
            return reportsBeds ? beds(department) : slotsPublished(department(true));
        }
        if (kind < 0.25) {
            return slotsPublished(department);
        }
        InstitutionId institution = InstitutionId.of(department.institutionId());
        if (kind >= 0.70 && department.dailyExpertSlots() > 0) {
            return released(institution, session(department, true));
        }
        ClinicSession session = session(department);
        SlotChannel channel = session.expert() && random.nextDouble() < 0.2 ? SlotChannel.REFERRAL : SlotChannel.PUBLIC;
        return new SlotsBooked(EventId.random(), clock.instant(), institution, session, channel, 1 + random.nextInt(3), null);
    }

    /**
     * A release as the contract means it (since 2026-11-25 (8)), in an expert session, the only kind with slots reserved
     * for referrals: mostly unused reserved slots opened to the public (PUBLIC, opened from REFERRAL), else a
     * referral's slot given back (REFERRAL). Before, 80% were PUBLIC releases read as public bookings given back, on
     * any session; a public booking given back has no release statement.
     */
    private SlotsReleased released(InstitutionId institution, ClinicSession session) {
        int count = 1 + random.nextInt(3);
        return random.nextDouble() < 0.2
                ? new SlotsReleased(EventId.random(), clock.instant(), institution, session, SlotChannel.REFERRAL, count, null)
                : new SlotsReleased(EventId.random(), clock.instant(), institution, session, SlotChannel.PUBLIC, count,
                        SlotChannel.REFERRAL, null);
    }

    private SlotsPublished slotsPublished(DepartmentCapacity department) {
        ClinicSession session = session(department);
        int daily = session.expert() ? department.dailyExpertSlots() : department.dailyGeneralSlots();
        int publicCount = 1 + random.nextInt(Math.max(1, daily / 2));
        // A local rule holds about a fifth of expert slots back for referrals.
        int reserved = session.expert() ? (int) Math.ceil(publicCount * 0.25) : 0;
        return new SlotsPublished(EventId.random(), clock.instant(), InstitutionId.of(department.institutionId()), session,
                publicCount, reserved, null);
    }

    private BedStatusReported beds(DepartmentCapacity department) {
        int total = department.beds();
        int occupied = (int) Math.round(total * (0.5 + random.nextDouble() * 0.55));
        int reserved = random.nextInt(Math.max(1, total / 20) + 1);
        return new BedStatusReported(EventId.random(), clock.instant(), InstitutionId.of(department.institutionId()),
                DepartmentId.of(department.departmentId()), total, occupied, reserved, null);
    }

    private ClinicSession session(DepartmentCapacity department) {
        boolean expert = department.dailyExpertSlots() > 0 && (department.dailyGeneralSlots() == 0 || random.nextDouble() < 0.3);
        return session(department, expert);
    }

    private ClinicSession session(DepartmentCapacity department, boolean expert) {
        LocalDate date = LocalDate.now(clock.withZone(CHINA)).plusDays(random.nextInt(SESSION_DAYS));
        return new ClinicSession(DepartmentId.of(department.departmentId()), date, PERIODS[random.nextInt(PERIODS.length)], expert);
    }

    private DepartmentCapacity department() {
        return department(false);
    }

    /** @param withSlots only departments that run clinics */
    private DepartmentCapacity department(boolean withSlots) {
        for (int attempt = 0; ; attempt++) {
            double pick = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
            int index = Arrays.binarySearch(cumulativeWeight, pick);
            DepartmentCapacity department = departments.get(index >= 0 ? index : Math.min(-index - 1, departments.size() - 1));
            if (!withSlots || department.dailySlots() > 0 || attempt > 100) {
                return department;
            }
        }
    }
}
