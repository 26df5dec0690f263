package cn.hunan.mma.benchmark.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One freshness probe: a bed report whose figures no other report carries (probe {@code n} reports
 * {@code total = 1000 + n}), so seeing those figures in the capacity API proves that this very
 * event is visible.
 */
public record BedProbe(DepartmentCapacity department, int sequence) {

    private static final int TOTAL_BASE = 1000;

    public BedStatusReported report(Instant at) {
        return new BedStatusReported(EventId.random(), at, InstitutionId.of(department.institutionId()),
                DepartmentId.of(department.departmentId()), total(), occupied(), reserved(), null);
    }

    /** Whether a capacity API answer ({@code GET /api/v1/capacity/institutions/…/departments/…}) shows this probe's beds. */
    public boolean visibleIn(JsonNode capacity) {
        JsonNode beds = capacity.path("beds");
        return beds.path("total").asInt(-1) == total()
                && beds.path("occupied").asInt(-1) == occupied()
                && beds.path("reserved").asInt(-1) == reserved();
    }

    int total() {
        return TOTAL_BASE + sequence;
    }

    int occupied() {
        return sequence % 500;
    }

    int reserved() {
        return sequence % 7;
    }
}
