package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.contract.HospitalReport;

/** Changes to appointment slots (号源) and beds, keyed by institution on the capacity topic. */
public sealed interface CapacityEvent extends HospitalReport
        permits SlotsPublished, SlotsBooked, SlotsReleased, SlotsCancelled, BedStatusReported,
        ReservedBedsReported {
}
