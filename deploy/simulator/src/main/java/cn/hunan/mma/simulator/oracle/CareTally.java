package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;

import java.util.Optional;

/**
 * Visits, admissions and discharges into the running totals: once where the care took place
 * (the institution, its alliances, its county, city and province) and, for fund spending and
 * inpatient episodes, once more where the patient lives. {@code sign} is +1 to count a record
 * and −1 to take a replaced one out again.
 */
final class CareTally {

    private final MatrixView matrix;
    private final Counters counters;
    private final Months months;

    CareTally(MatrixView matrix, Counters counters, Months months) {
        this.matrix = matrix;
        this.counters = counters;
        this.months = months;
    }

    void visit(OutpatientVisitRecorded visit, Institution at, int sign) {
        int month = months.of(visit.occurredAt());
        for (int scope : at.treatingScopes()) {
            long[] row = counters.row(scope, month);
            row[Slots.of(Measure.VISITS)] += sign;
            row[Slots.atLevel(Slots.PerLevel.VISITS, at.level())] += sign;
            row[Slots.of(Measure.VISIT_TOTAL_COST)] += sign * visit.charges().total().fen();
            row[Slots.of(Measure.VISIT_FUND_PAID)] += sign * visit.charges().fundPaid().fen();
            if (visit.contractedFamilyDoctor()) {
                row[Slots.of(Measure.CONTRACTED_VISITS)] += sign;
                if (at.isPrimaryCare()) {
                    row[Slots.of(Measure.CONTRACTED_PRIMARY_CARE_VISITS)] += sign;
                }
            }
        }
        residentFund(visit.residenceDivision(), at, month, visit.charges().fundPaid(), sign);
    }

    void admission(InpatientAdmitted admission, Institution at, int sign) {
        int month = months.of(admission.occurredAt());
        Optional<Level> catalogueLevel = matrix.catalogue().lowestInpatientLevel(admission.admittingDiagnosis());
        for (int scope : at.treatingScopes()) {
            long[] row = counters.row(scope, month);
            row[Slots.of(Measure.ADMISSIONS)] += sign;
            row[Slots.atLevel(Slots.PerLevel.ADMISSIONS, at.level())] += sign;
            if (catalogueLevel.isPresent()) {
                row[Slots.of(Measure.CATALOGUE_ADMISSIONS)] += sign;
                if (at.level().isAtOrBelow(catalogueLevel.get())) {
                    row[Slots.of(Measure.CATALOGUE_CONFORMING_ADMISSIONS)] += sign;
                }
            }
        }
    }

    void discharge(InpatientDischarged discharge, Institution at, int sign) {
        int month = months.of(discharge.occurredAt());
        for (int scope : at.treatingScopes()) {
            long[] row = counters.row(scope, month);
            row[Slots.of(Measure.DISCHARGES)] += sign;
            row[Slots.atLevel(Slots.PerLevel.DISCHARGES, at.level())] += sign;
            row[Slots.of(Measure.LENGTH_OF_STAY_DAYS)] += (long) sign * discharge.lengthOfStayDays();
            row[Slots.of(Measure.DISCHARGE_TOTAL_COST)] += sign * discharge.charges().total().fen();
            row[Slots.of(Measure.DISCHARGE_FUND_PAID)] += sign * discharge.charges().fundPaid().fen();
            if (isUpwardTransferOutsidePlatform(discharge, at)) {
                row[Slots.of(Measure.TRANSFERS_UP_OUTSIDE_PLATFORM)] += sign;
            }
            if (discharge.dischargeMode() == DischargeMode.TRANSFERRED_TO_PRIMARY_CARE) {
                row[Slots.of(Measure.TRANSFERS_TO_PRIMARY_CARE)] += sign;
            }
        }
        for (int area : matrix.residence(discharge.residenceDivision()).scopes()) {
            long[] row = counters.row(area, month);
            row[Slots.of(Measure.RESIDENT_DISCHARGES)] += sign;
            if (!at.liesIn(area)) {
                row[Slots.of(Measure.RESIDENT_DISCHARGES_OUT_OF_AREA)] += sign;
            }
        }
        residentFund(discharge.residenceDivision(), at, month, discharge.charges().fundPaid(), sign);
    }

    /**
     * A transfer to another hospital (mode 2) that no referral episode links to the platform;
     * counted as upward unless it left a provincial hospital, which has no level above it.
     */
    private static boolean isUpwardTransferOutsidePlatform(InpatientDischarged discharge, Institution at) {
        return discharge.dischargeMode() == DischargeMode.TRANSFERRED_TO_HOSPITAL
                && discharge.episodeId() == null
                && at.level() != Level.PROVINCE;
    }

    /** Fund spending of the residents of each area the patient belongs to, wherever they were treated. */
    private void residentFund(DivisionCode residence, Institution at, int month, Money fundPaid, int sign) {
        long fen = sign * fundPaid.fen();
        for (int area : matrix.residence(residence).scopes()) {
            long[] row = counters.row(area, month);
            row[Slots.of(Measure.RESIDENT_FUND_PAID)] += fen;
            if (at.liesIn(area)) {
                row[Slots.of(Measure.RESIDENT_FUND_PAID_IN_AREA)] += fen;
            }
            if (at.isPrimaryCare()) {
                row[Slots.of(Measure.RESIDENT_FUND_PAID_PRIMARY_CARE)] += fen;
            }
        }
    }
}
