package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.SpecialtyTag;

/**
 * A department of an institution with its capacity.
 *
 * @param dailyExpertSlots  expert-clinic (专家门诊) appointment slots per day, all sessions together
 * @param dailyGeneralSlots ordinary clinic slots per day
 */
public record Department(ServiceLine line, SpecialtyTag tag, int beds, int dailyExpertSlots, int dailyGeneralSlots) {

    public String id() {
        return line.departmentId();
    }

    public String name() {
        return line.departmentName();
    }

    public int dailySlots() {
        return dailyExpertSlots + dailyGeneralSlots;
    }
}
