package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.conduct.ConductIncidentRecorded;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.prevention.PreventionEvent;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.registry.EventTypes;

/**
 * Routes each counted record to the totals it feeds. Most figures are sums, so a record that a
 * later correction replaces is simply added again with sign −1; the two figures that depend on
 * other records (a referral's final state, a readmission) keep what they need and are decided
 * in {@link #finish}, when it is known which records count.
 */
final class Accounting {

    private final MatrixView matrix;
    private final Counters counters;
    private final DeliveryStats stats;
    private final CareTally care;
    private final CapacityTally capacity;
    private final PreventionTally prevention;
    private final ConductTally conduct;
    private final ReferralTracks referrals;
    private final Readmissions readmissions;

    Accounting(MatrixView matrix, Counters counters, DeliveryStats stats) {
        this.matrix = matrix;
        this.counters = counters;
        this.stats = stats;
        Months months = new Months();
        this.care = new CareTally(matrix, counters, months);
        this.capacity = new CapacityTally(counters, months);
        this.prevention = new PreventionTally(counters, months);
        this.conduct = new ConductTally(counters, months);
        this.referrals = new ReferralTracks(months);
        this.readmissions = new Readmissions(months);
    }

    /** Counts a record that has just started counting; {@code eventIndex} is its number in the ledger. */
    void count(ContractRecord record, int eventIndex) {
        Institution at = add(record, 1);
        if (record instanceof ReferralEvent event) {
            referrals.add(event);
        } else if (at != null && record instanceof InpatientAdmitted admission) {
            readmissions.admitted(admission, eventIndex);
        } else if (at != null && record instanceof InpatientDischarged discharge) {
            readmissions.discharged(discharge, at, eventIndex);
        }
    }

    /** Takes out a record that was counted and has since been replaced by a correction. */
    void retract(ContractRecord record) {
        // Referral events are never replaced; readmissions ask the ledger which records count.
        add(record, -1);
    }

    void finish(DeliveryLedger ledger) {
        referrals.finish(matrix, counters, stats);
        readmissions.finish(ledger, counters);
    }

    /** Adds the record's sums with the sign; returns the reporting institution, or null when there is none in the matrix. */
    private Institution add(ContractRecord record, int sign) {
        stats.counted(EventTypes.nameOf(record), sign);
        if (!(record instanceof HospitalReport report)) {
            return null;
        }
        Institution at = matrix.institution(report.institutionId());
        if (at == null) {
            stats.atUnknownInstitution(sign);
            return null;
        }
        if (record instanceof OutpatientVisitRecorded visit) {
            care.visit(visit, at, sign);
        } else if (record instanceof InpatientAdmitted admission) {
            care.admission(admission, at, sign);
        } else if (record instanceof InpatientDischarged discharge) {
            care.discharge(discharge, at, sign);
        } else if (record instanceof CapacityEvent event) {
            capacity.add(event, at, sign);
        } else if (record instanceof PreventionEvent event) {
            prevention.add(event, at, sign);
        } else if (record instanceof ConductIncidentRecorded incident) {
            conduct.add(incident, at, sign);
        }
        // Support metrics are counted as records but feed no figure (see deploy/simulator/README.md, The oracle).
        return at;
    }
}
