package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.oracle.Figure.Basis;
import cn.hunan.mma.simulator.oracle.Quantity.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Every figure of the report, in report order: volumes of care, referrals by direction and
 * final state, residents' care and fund spending, then the seed indicators of DOMAIN.md §6 that
 * the events define. deploy/simulator/README.md (The oracle) explains each one.
 */
final class Figures {

    private static final int SHARE_SCALE = 6;
    private static final int AVERAGE_SCALE = 2;
    private static final int PER_10000_SCALE = 4;
    private static final long PER_10000 = 10_000;

    static final List<Figure> ALL = List.copyOf(definitions());

    private Figures() {
    }

    private static List<Figure> definitions() {
        List<Figure> figures = new ArrayList<>();
        care(figures);
        referrals(figures);
        residents(figures);
        indicators(figures);
        return figures;
    }

    private static void care(List<Figure> figures) {
        figures.add(volume("visits", Basis.TREATMENT, Unit.COUNT, total(Measure.VISITS)));
        figures.add(volume("admissions", Basis.TREATMENT, Unit.COUNT, total(Measure.ADMISSIONS)));
        figures.add(volume("discharges", Basis.TREATMENT, Unit.COUNT, total(Measure.DISCHARGES)));
        figures.add(volume("fund-paid", Basis.TREATMENT, Unit.FEN,
                totals -> totals[Slots.of(Measure.VISIT_FUND_PAID)] + totals[Slots.of(Measure.DISCHARGE_FUND_PAID)]));
        for (Slots.PerLevel volume : Slots.PerLevel.values()) {
            for (Level level : Level.values()) {
                int slot = Slots.atLevel(volume, level);
                figures.add(volume(volume.name().toLowerCase(Locale.ROOT) + ".level." + level,
                        Basis.TREATMENT_ABOVE_INSTITUTION, Unit.COUNT, totals -> totals[slot]));
            }
        }
        figures.add(volume("inpatient.transfers-to-primary-care", Basis.TREATMENT, Unit.COUNT,
                total(Measure.TRANSFERS_TO_PRIMARY_CARE)));
        figures.add(volume("prevention.family-doctor-contracts", Basis.TREATMENT, Unit.COUNT,
                total(Measure.FAMILY_DOCTOR_CONTRACTS)));
        figures.add(volume("prevention.family-doctor-contracts.key-groups", Basis.TREATMENT, Unit.COUNT,
                total(Measure.KEY_GROUP_CONTRACTS)));
        figures.add(volume("conduct.verified-violations", Basis.TREATMENT, Unit.COUNT, total(Measure.VERIFIED_VIOLATIONS)));
    }

    /** Referrals under their sender, in the month requested: all of a direction, then by final state. */
    private static void referrals(List<Figure> figures) {
        for (ReferralDirection direction : ReferralDirection.values()) {
            figures.add(volume("referrals." + direction, Basis.TREATMENT, Unit.COUNT,
                    referrals(direction, state -> true)));
            for (ReferralState state : ReferralState.values()) {
                int slot = Slots.referrals(direction, state);
                figures.add(volume("referrals." + direction + ".final." + state, Basis.TREATMENT, Unit.COUNT,
                        totals -> totals[slot]));
            }
        }
    }

    private static void residents(List<Figure> figures) {
        figures.add(volume("residents.discharges", Basis.RESIDENCE, Unit.COUNT, total(Measure.RESIDENT_DISCHARGES)));
        figures.add(volume("residents.discharges.out-of-area", Basis.RESIDENCE, Unit.COUNT,
                total(Measure.RESIDENT_DISCHARGES_OUT_OF_AREA)));
        figures.add(volume("residents.fund-paid", Basis.RESIDENCE, Unit.FEN, total(Measure.RESIDENT_FUND_PAID)));
        figures.add(volume("residents.fund-paid.in-area", Basis.RESIDENCE, Unit.FEN, total(Measure.RESIDENT_FUND_PAID_IN_AREA)));
        figures.add(volume("residents.fund-paid.out-of-area", Basis.RESIDENCE, Unit.FEN, residentFundOutOfArea()));
    }

    private static void indicators(List<Figure> figures) {
        // 门诊 outpatient
        figures.add(share("outpatient.primary-level-share", Basis.TREATMENT_ABOVE_INSTITUTION,
                totals -> totals[Slots.atLevel(Slots.PerLevel.VISITS, Level.VILLAGE)]
                        + totals[Slots.atLevel(Slots.PerLevel.VISITS, Level.TOWNSHIP)],
                total(Measure.VISITS)));
        figures.add(share("outpatient.contracted-primary-level-share", Basis.TREATMENT_ABOVE_INSTITUTION,
                total(Measure.CONTRACTED_PRIMARY_CARE_VISITS), total(Measure.CONTRACTED_VISITS)));
        figures.add(average("outpatient.cost-per-visit", Unit.FEN, total(Measure.VISIT_TOTAL_COST), total(Measure.VISITS)));
        // 住院 inpatient
        figures.add(share("inpatient.in-area-share", Basis.RESIDENCE,
                totals -> totals[Slots.of(Measure.RESIDENT_DISCHARGES)] - totals[Slots.of(Measure.RESIDENT_DISCHARGES_OUT_OF_AREA)],
                total(Measure.RESIDENT_DISCHARGES)));
        figures.add(share("inpatient.out-of-area-share", Basis.RESIDENCE,
                total(Measure.RESIDENT_DISCHARGES_OUT_OF_AREA), total(Measure.RESIDENT_DISCHARGES)));
        figures.add(share("inpatient.catalogue-conformity-rate", Basis.TREATMENT,
                total(Measure.CATALOGUE_CONFORMING_ADMISSIONS), total(Measure.CATALOGUE_ADMISSIONS)));
        // 转诊 referral
        ToLongFunction<long[]> upward = referrals(ReferralDirection.UP, state -> true);
        figures.add(share("referral.upward-through-platform-share", Basis.TREATMENT, upward,
                totals -> upward.applyAsLong(totals) + totals[Slots.of(Measure.TRANSFERS_UP_OUTSIDE_PLATFORM)]));
        figures.add(share("referral.closed-loop-rate", Basis.TREATMENT,
                allReferrals(ReferralState::closedTheLoop), allReferrals(ReferralState::wasAccepted)));
        figures.add(share("referral.reserved-slot-use-rate", Basis.TREATMENT,
                total(Measure.RESERVED_SLOTS_BOOKED), total(Measure.RESERVED_SLOTS_PUBLISHED)));
        // 质效 quality and efficiency
        figures.add(average("quality.average-length-of-stay", Unit.DAYS, total(Measure.LENGTH_OF_STAY_DAYS), total(Measure.DISCHARGES)));
        figures.add(average("quality.cost-per-inpatient-case", Unit.FEN, total(Measure.DISCHARGE_TOTAL_COST), total(Measure.DISCHARGES)));
        figures.add(share("quality.readmission-within-31-days-rate", Basis.TREATMENT,
                total(Measure.READMISSIONS), total(Measure.READMISSION_INDEX_DISCHARGES)));
        // 预防 prevention
        figures.add(share("prevention.near-home-follow-up-share", Basis.TREATMENT,
                total(Measure.NEAR_HOME_FOLLOW_UPS), total(Measure.CHRONIC_FOLLOW_UPS)));
        // 行风 conduct
        figures.add(new Figure("conduct.verified-complaints-per-10000-visits", Basis.TREATMENT,
                total(Measure.VERIFIED_COMPLAINTS), Unit.COUNT, total(Measure.VISITS), Unit.COUNT, PER_10000, PER_10000_SCALE));
        // 医保 insurance
        figures.add(new Figure("insurance.fund-in-area-share", Basis.RESIDENCE,
                total(Measure.RESIDENT_FUND_PAID_IN_AREA), Unit.FEN, total(Measure.RESIDENT_FUND_PAID), Unit.FEN, 1, SHARE_SCALE));
        figures.add(new Figure("insurance.primary-level-fund-share", Basis.RESIDENCE,
                total(Measure.RESIDENT_FUND_PAID_PRIMARY_CARE), Unit.FEN, total(Measure.RESIDENT_FUND_PAID), Unit.FEN, 1, SHARE_SCALE));
    }

    private static ToLongFunction<long[]> total(Measure measure) {
        int slot = Slots.of(measure);
        return totals -> totals[slot];
    }

    private static ToLongFunction<long[]> residentFundOutOfArea() {
        return totals -> totals[Slots.of(Measure.RESIDENT_FUND_PAID)] - totals[Slots.of(Measure.RESIDENT_FUND_PAID_IN_AREA)];
    }

    private static ToLongFunction<long[]> referrals(ReferralDirection direction, Predicate<ReferralState> finalState) {
        return totals -> {
            long sum = 0;
            for (ReferralState state : ReferralState.values()) {
                if (finalState.test(state)) {
                    sum += totals[Slots.referrals(direction, state)];
                }
            }
            return sum;
        };
    }

    private static ToLongFunction<long[]> allReferrals(Predicate<ReferralState> finalState) {
        return totals -> {
            long sum = 0;
            for (ReferralDirection direction : ReferralDirection.values()) {
                sum += referrals(direction, finalState).applyAsLong(totals);
            }
            return sum;
        };
    }

    private static Figure volume(String name, Basis basis, Unit unit, ToLongFunction<long[]> amount) {
        return new Figure(name, basis, amount, unit, null, null, 1, 0);
    }

    private static Figure share(String name, Basis basis, ToLongFunction<long[]> part, ToLongFunction<long[]> whole) {
        return new Figure(name, basis, part, Unit.COUNT, whole, Unit.COUNT, 1, SHARE_SCALE);
    }

    /** A sum per case: cost in yuan or days per visit or discharge. */
    private static Figure average(String name, Unit unit, ToLongFunction<long[]> sum, ToLongFunction<long[]> cases) {
        return new Figure(name, Basis.TREATMENT, sum, unit, cases, Unit.COUNT, 1, AVERAGE_SCALE);
    }
}
