package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.PatientPseudonym;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unplanned readmission within 31 days, decided once the whole file is read (the readmission
 * may arrive before the discharge it follows, and either may be replaced by a correction).
 *
 * <p>An index discharge is one that could be followed by a readmission: not a transfer (modes 2
 * and 3) and not a death (mode 5). It counts as readmitted when the same patient's next admission
 * after it — at any institution, not booked through a referral (that one was planned) — falls on
 * a China Standard Time calendar day at most 31 days after the discharge day.
 *
 * <p>Memory: patients are numbered through a {@link LongKeyIndex} of their 256-bit pseudonyms;
 * each admission and index discharge is kept as a packed {@code (patient, time)} long and the
 * dense index of its event.
 */
final class Readmissions {

    static final int MAX_DAYS_AFTER_DISCHARGE = 31;

    // Times are packed as seconds since 1900 in 33 bits (until 2172) beside a 31-bit patient number.
    private static final long EPOCH_1900 = -2_208_988_800L;
    private static final int TIME_BITS = 33;
    private static final long TIME_MASK = (1L << TIME_BITS) - 1;

    private final LongKeyIndex patients = new LongKeyIndex(BinaryKeys.PSEUDONYM_LONGS);
    private final long[] patientKey = new long[BinaryKeys.PSEUDONYM_LONGS];
    private final LongList admissions = new LongList();
    private final LongList admissionEvents = new LongList();
    private final LongList discharges = new LongList();
    private final LongList dischargeEvents = new LongList();
    private final List<Institution> dischargedFrom = new ArrayList<>();
    private final Months months;

    Readmissions(Months months) {
        this.months = months;
    }

    void admitted(InpatientAdmitted admission, int eventIndex) {
        if (admission.referralId() != null) {
            return;
        }
        admissions.add(pack(patient(admission.patient()), admission.occurredAt()));
        admissionEvents.add(eventIndex);
    }

    void discharged(InpatientDischarged discharge, Institution from, int eventIndex) {
        if (!isIndexDischarge(discharge.dischargeMode())) {
            return;
        }
        discharges.add(pack(patient(discharge.patient()), discharge.occurredAt()));
        dischargeEvents.add(eventIndex);
        dischargedFrom.add(from);
    }

    /** Counts index discharges and readmissions, under the discharging institution in the month of discharge. */
    void finish(DeliveryLedger ledger, Counters counters) {
        long[] counted = countedAdmissionsInOrder(ledger);
        for (int i = 0; i < discharges.size(); i++) {
            if (!ledger.counts((int) dischargeEvents.get(i))) {
                continue;
            }
            long discharge = discharges.get(i);
            int[] scopes = dischargedFrom.get(i).treatingScopes();
            int month = months.of(instantOf(discharge));
            counters.add(scopes, month, Slots.of(Measure.READMISSION_INDEX_DISCHARGES), 1);
            if (isReadmittedAfter(discharge, counted)) {
                counters.add(scopes, month, Slots.of(Measure.READMISSIONS), 1);
            }
        }
    }

    private static boolean isIndexDischarge(DischargeMode mode) {
        return mode != DischargeMode.TRANSFERRED_TO_HOSPITAL
                && mode != DischargeMode.TRANSFERRED_TO_PRIMARY_CARE
                && mode != DischargeMode.DEATH;
    }

    private long[] countedAdmissionsInOrder(DeliveryLedger ledger) {
        long[] counted = new long[admissions.size()];
        int size = 0;
        for (int i = 0; i < admissions.size(); i++) {
            if (ledger.counts((int) admissionEvents.get(i))) {
                counted[size++] = admissions.get(i);
            }
        }
        long[] sorted = Arrays.copyOf(counted, size);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The patient's first admission strictly after the discharge, if it is within the window. */
    private static boolean isReadmittedAfter(long discharge, long[] admissions) {
        int next = firstAtOrAfter(admissions, discharge + 1);
        if (next == admissions.length || patientOf(admissions[next]) != patientOf(discharge)) {
            return false;
        }
        long days = dayOf(admissions[next]).toEpochDay() - dayOf(discharge).toEpochDay();
        return days <= MAX_DAYS_AFTER_DISCHARGE;
    }

    private static int firstAtOrAfter(long[] sorted, long key) {
        int found = Arrays.binarySearch(sorted, key);
        if (found >= 0) {
            while (found > 0 && sorted[found - 1] == key) {
                found--;
            }
            return found;
        }
        return -found - 1;
    }

    private int patient(PatientPseudonym pseudonym) {
        return patients.add(BinaryKeys.of(pseudonym, patientKey));
    }

    /** Patient in the high bits, time in the low ones, top bit flipped so signed order is (patient, time) order. */
    private static long pack(int patient, Instant at) {
        long seconds = at.getEpochSecond() - EPOCH_1900;
        if (seconds < 0 || seconds > TIME_MASK) {
            throw new IllegalArgumentException("inpatient times must lie between 1900 and 2172");
        }
        return ((long) patient << TIME_BITS | seconds) ^ Long.MIN_VALUE;
    }

    private static int patientOf(long packed) {
        return (int) ((packed ^ Long.MIN_VALUE) >>> TIME_BITS);
    }

    private static Instant instantOf(long packed) {
        return Instant.ofEpochSecond(((packed ^ Long.MIN_VALUE) & TIME_MASK) + EPOCH_1900);
    }

    private static LocalDate dayOf(long packed) {
        return LocalDate.ofInstant(instantOf(packed), Period.ZONE);
    }
}
