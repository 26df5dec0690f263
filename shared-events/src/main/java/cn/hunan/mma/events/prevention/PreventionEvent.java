package cn.hunan.mma.events.prevention;

import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.value.PatientPseudonym;

/** Primary-care prevention work: family-doctor contracts and chronic-disease follow-ups. */
public sealed interface PreventionEvent extends HospitalReport
        permits FamilyDoctorContractSigned, ChronicFollowUpRecorded {

    PatientPseudonym patient();
}
