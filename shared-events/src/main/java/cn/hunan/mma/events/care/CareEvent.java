package cn.hunan.mma.events.care;

import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.PatientPseudonym;

/** A patient's encounter with an institution, as the hospital information system reports it. */
public sealed interface CareEvent extends HospitalReport permits OutpatientVisitRecorded, InpatientEvent {

    PatientPseudonym patient();

    /** Where the patient lives: the basis of in-area and out-of-area indicators. */
    DivisionCode residenceDivision();
}
