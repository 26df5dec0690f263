package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.conduct.ConductIncidentRecorded;
import cn.hunan.mma.events.conduct.IncidentKind;

/**
 * Verified conduct findings. An incident is first recorded unverified and confirmed by a
 * correction with {@code verified = true}; since the correction replaces the first record, the
 * finding counts once, in the month the correction states.
 */
final class ConductTally {

    private final Counters counters;
    private final Months months;

    ConductTally(Counters counters, Months months) {
        this.counters = counters;
        this.months = months;
    }

    void add(ConductIncidentRecorded incident, Institution at, int sign) {
        if (!incident.verified()) {
            return;
        }
        Measure measure = incident.kind() == IncidentKind.COMPLAINT ? Measure.VERIFIED_COMPLAINTS : Measure.VERIFIED_VIOLATIONS;
        counters.add(at.treatingScopes(), months.of(incident.occurredAt()), Slots.of(measure), sign);
    }
}
