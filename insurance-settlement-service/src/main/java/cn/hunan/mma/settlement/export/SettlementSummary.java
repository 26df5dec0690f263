package cn.hunan.mma.settlement.export;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The settlement's summary sheet, one item a row: the package against the spend, what the alliance keeps or bears, and
 * how what it keeps is split, under which rules and scores, and whether the primary-level floors were paid. A finance
 * officer checks the distribution sheet's total against 可分配池 here.
 */
final class SettlementSummary {

    static final List<String> HEADERS = List.of("项目", "数值");

    private SettlementSummary() {
    }

    /** Rows of (label, value); a value is a String, or a BigDecimal (yuan at scale 2, or a score or share). */
    static List<List<Object>> rows(PeriodSettlement settlement) {
        List<List<Object>> rows = new ArrayList<>();
        var snapshot = settlement.snapshot();
        rows.add(List.of("联盟编号", snapshot.allianceId().value()));
        rows.add(List.of("结算期间", snapshot.period().toString()));
        rows.add(List.of("规则版本", snapshot.ruleVersion()));
        // "what-if:" marks scores a request overrode: a what-if close must not pass for a real one.
        rows.add(List.of("评分来源", snapshot.scoreSource()));
        rows.add(List.of("联盟综合得分", snapshot.allianceScore()));
        rows.add(yuan("包干总额P(元)", snapshot.packageTotal()));
        rows.add(yuan("实际支出(元)", snapshot.actualSpend()));
        if (settlement.outcome() instanceof PeriodOutcome.Surplus surplus) {
            rows.add(List.of("结算结果", "结余"));
            rows.add(yuan("结余(元)", surplus.surplus()));
            rows.add(List.of("留用比例", surplus.retainedShare()));
            rows.add(List.of("是否封顶", surplus.capped() ? "是" : "否"));
        } else if (settlement.outcome() instanceof PeriodOutcome.Overspend overspend) {
            rows.add(List.of("结算结果", "超支"));
            rows.add(yuan("超支(元)", overspend.overspend()));
            rows.add(yuan("联盟承担(元)", overspend.allianceBorne()));
            rows.add(yuan("基金承担(元)", overspend.fundBorne()));
        }
        rows.add(yuan("留用金额(元)", settlement.retained()));
        rows.add(yuan("风险储备金(元)", settlement.reserve()));
        rows.add(yuan("可分配池(元)", settlement.distributedPool()));
        rows.add(yuan("协作三级医院分配(元)", settlement.tertiary().tertiaryPool()));
        rows.add(yuan("成员单位分配(元)", settlement.members().pool()));
        rows.add(List.of("基层保底比例", snapshot.rules().primaryFloorShare()));
        rows.add(List.of("是否执行保底", floorsApplied(settlement)));
        return rows;
    }

    /**
     * Whether the primary-level members' floors were paid, and why not: with more primary members than the floors fit,
     * the close drops them all (PoolDistributor), which an export must say rather than leave a finance officer to infer.
     */
    private static String floorsApplied(PeriodSettlement settlement) {
        if (settlement.members().floorsApplied()) {
            return "是";
        }
        if (settlement.snapshot().rules().primaryFloorShare().signum() == 0) {
            return "否：未设基层保底";
        }
        if (settlement.members().pool().times(settlement.snapshot().rules().primaryFloorShare(), RoundingMode.DOWN).isZero()) {
            return "否：成员单位分配池为零（或过小），保底不足一分";
        }
        return "否：各基层成员保底合计超过成员单位分配池";
    }

    static boolean isAmount(List<Object> row) {
        return row.get(0) instanceof String label && label.endsWith("(元)");
    }

    private static List<Object> yuan(String label, Money amount) {
        return List.of(label, amount.toBigDecimal());
    }
}
