package cn.hunan.mma.navigation.registry.domain;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;

/** Where a registered institution stands and at what level: what alliance rules look at. */
public record InstitutionPlacement(Level level, DivisionCode division) {
}
