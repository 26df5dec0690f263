package cn.hunan.mma.navigation.capacity.rest;

import java.time.LocalDate;

/**
 * What a department offers: slots over the range asked for and beds now. Either may be null when
 * the department has reported only the other.
 */
public record DepartmentCapacityView(
        String institutionId,
        String departmentId,
        LocalDate from,
        LocalDate to,
        SlotsView slots,
        BedsView beds) {
}
