package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.prevention.ChronicFollowUpRecorded;
import cn.hunan.mma.events.prevention.FamilyDoctorContractSigned;
import cn.hunan.mma.events.prevention.PreventionEvent;
import cn.hunan.mma.events.value.Level;

/** Family-doctor contracts and chronic-disease follow-ups, where they were recorded. */
final class PreventionTally {

    private final Counters counters;
    private final Months months;

    PreventionTally(Counters counters, Months months) {
        this.counters = counters;
        this.months = months;
    }

    void add(PreventionEvent event, Institution at, int sign) {
        int month = months.of(event.occurredAt());
        if (event instanceof FamilyDoctorContractSigned contract) {
            counters.add(at.treatingScopes(), month, Slots.of(Measure.FAMILY_DOCTOR_CONTRACTS), sign);
            if (!contract.keyGroups().isEmpty()) {
                counters.add(at.treatingScopes(), month, Slots.of(Measure.KEY_GROUP_CONTRACTS), sign);
            }
        } else if (event instanceof ChronicFollowUpRecorded followUp) {
            counters.add(at.treatingScopes(), month, Slots.of(Measure.CHRONIC_FOLLOW_UPS), sign);
            if (isNearHome(followUp.followUpLevel())) {
                counters.add(at.treatingScopes(), month, Slots.of(Measure.NEAR_HOME_FOLLOW_UPS), sign);
            }
        }
    }

    /** Chronic-disease management is meant not to leave the village or township. */
    private static boolean isNearHome(Level level) {
        return level == Level.VILLAGE || level == Level.TOWNSHIP;
    }
}
