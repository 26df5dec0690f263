package cn.hunan.mma.events.support;

import cn.hunan.mma.events.contract.HospitalReport;

/** Periodic capability and support figures, keyed by institution on the support topic. */
public sealed interface SupportEvent extends HospitalReport permits SupportMetricsReported {
}
