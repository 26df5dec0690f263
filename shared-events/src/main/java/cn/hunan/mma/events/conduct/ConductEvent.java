package cn.hunan.mma.events.conduct;

import cn.hunan.mma.events.contract.HospitalReport;

/** Conduct (行风) findings, keyed by institution on the conduct topic. */
public sealed interface ConductEvent extends HospitalReport permits ConductIncidentRecorded {
}
