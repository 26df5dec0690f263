package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who refers to whom: township health centres send upward to the expert clinics of county and city
 * hospitals. Referral {@code i} takes sender {@code i mod senders} and receiving department
 * {@code i mod departments}, so the holds spread evenly over every reserved pool (one session per
 * department) instead of queueing on one hot row.
 */
record ReferralRoutes(List<Sender> senders, List<Pool> pools) {

    record Sender(String institutionId, String departmentId) {
    }

    /** A receiving department's reserved referral slots in the benchmark's one session. */
    record Pool(String institutionId, String departmentId) {
    }

    record Route(Sender sender, Pool receiver) {
    }

    ReferralRoutes {
        if (senders.isEmpty() || pools.isEmpty()) {
            throw new IllegalArgumentException("the area has no township senders or no county/city expert clinics");
        }
        senders = List.copyOf(senders);
        pools = List.copyOf(pools);
    }

    static ReferralRoutes of(AreaMatrix area) {
        List<Sender> senders = new ArrayList<>();
        List<Pool> pools = new ArrayList<>();
        for (Institution institution : area.institutions()) {
            if (institution.level() == Level.TOWNSHIP && !institution.departments().isEmpty()) {
                senders.add(new Sender(institution.id(), institution.departments().get(0).id()));
            } else if (institution.level() == Level.COUNTY || institution.level() == Level.CITY) {
                for (Department department : institution.departments()) {
                    if (department.dailyExpertSlots() > 0) {
                        pools.add(new Pool(institution.id(), department.id()));
                    }
                }
            }
        }
        return new ReferralRoutes(senders, pools);
    }

    Route route(long referral) {
        return new Route(senders.get((int) (referral % senders.size())), pools.get((int) (referral % pools.size())));
    }

    /** Reserved slots each pool needs so that {@code referrals} schedules all find one, with a margin. */
    int reservedPerPool(long referrals) {
        return (int) Math.min(Integer.MAX_VALUE / 2, (referrals + pools.size() - 1) / pools.size() + 10);
    }

    /** The expert sessions that seed the pools: every slot of the session is reserved for referrals. */
    List<SlotsPublished> capacity(LocalDate sessionDate, SessionPeriod period, int reservedPerPool, Instant now) {
        return pools.stream().map(pool -> new SlotsPublished(EventId.random(), now, InstitutionId.of(pool.institutionId()),
                new ClinicSession(DepartmentId.of(pool.departmentId()), sessionDate, period, true), 0, reservedPerPool, null))
                .toList();
    }
}
