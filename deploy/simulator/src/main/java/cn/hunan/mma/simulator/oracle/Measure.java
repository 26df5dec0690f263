package cn.hunan.mma.simulator.oracle;

/**
 * A running total kept per scope and month: money in fen, lengths of stay in days, everything
 * else a count. Report figures are built from these (see {@link Figures}); the per-level and
 * per-referral-outcome totals are laid out after them by {@link Slots}.
 */
enum Measure {
    // outpatient and emergency visits, where the visit took place
    VISITS,
    VISIT_TOTAL_COST,
    VISIT_FUND_PAID,
    CONTRACTED_VISITS,
    CONTRACTED_PRIMARY_CARE_VISITS,
    // inpatient stays, where the patient was treated
    ADMISSIONS,
    CATALOGUE_ADMISSIONS,
    CATALOGUE_CONFORMING_ADMISSIONS,
    DISCHARGES,
    LENGTH_OF_STAY_DAYS,
    DISCHARGE_TOTAL_COST,
    DISCHARGE_FUND_PAID,
    TRANSFERS_UP_OUTSIDE_PLATFORM,
    TRANSFERS_TO_PRIMARY_CARE,
    READMISSION_INDEX_DISCHARGES,
    READMISSIONS,
    // capacity, prevention and conduct, where they were reported
    RESERVED_SLOTS_PUBLISHED,
    RESERVED_SLOTS_BOOKED,
    FAMILY_DOCTOR_CONTRACTS,
    KEY_GROUP_CONTRACTS,
    CHRONIC_FOLLOW_UPS,
    NEAR_HOME_FOLLOW_UPS,
    VERIFIED_COMPLAINTS,
    VERIFIED_VIOLATIONS,
    // residents of an area, wherever they were treated
    RESIDENT_DISCHARGES,
    RESIDENT_DISCHARGES_OUT_OF_AREA,
    RESIDENT_FUND_PAID,
    RESIDENT_FUND_PAID_IN_AREA,
    RESIDENT_FUND_PAID_PRIMARY_CARE
}
