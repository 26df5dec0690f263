package cn.hunan.mma.events.care;

/** Admissions and discharges: the inpatient topic, keyed by institution. */
public sealed interface InpatientEvent extends CareEvent permits InpatientAdmitted, InpatientDischarged {
}
