package cn.hunan.mma.settlement.export;

import cn.hunan.mma.settlement.rules.close.CloseRules;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.rules.close.XiangtanClose;
import cn.hunan.mma.settlement.rules.distribution.TertiaryPartner;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Xiangtan close of DOMAIN.md §7: ¥18.75m retained at score 92, 10 % reserve, so a pool of ¥16,875,000.00; with
 * ΔR = 0.15 − 0.12 = 0.03 against a 0.05 target, f(ΔR) = 0.6 and the tertiary pool is 0.20 × 16,875,000.00 × 0.6 =
 * ¥2,025,000.00, split 300 : 100 between the two partners (¥1,518,750.00 and ¥506,250.00).
 */
class SettlementExportTest {

    private static final PeriodSettlement SURPLUS = PeriodSettlement.close(XiangtanClose.withActualSpend("470000000.00"));
    private static final PeriodSettlement OVERSPEND = PeriodSettlement.close(XiangtanClose.withActualSpend("520000000.00"));
    private static final int AMOUNT = 10;

    @Test
    void the_xlsx_distribution_has_chinese_headers_a_row_per_member_and_partner_and_amounts_a_spreadsheet_can_add() throws Exception {
        List<Row> rows = sheet(SettlementExport.xlsx(SURPLUS), "结算分配");

        assertThat(rows.get(0).getCell(2).getText()).isEqualTo("机构编号");
        assertThat(rows.get(0).getCell(AMOUNT).getText()).isEqualTo("分配金额(元)");
        assertThat(rows).hasSize(6);
        Row smallPartner = rows.get(4);
        assertThat(smallPartner.getCell(2).getText()).isEqualTo("430105H0001");
        assertThat(smallPartner.getCell(AMOUNT).getType()).isEqualTo(CellType.NUMBER);
        assertThat(smallPartner.getCell(AMOUNT).getRawValue()).isEqualTo("506250.00");
        assertThat(smallPartner.getCell(AMOUNT).getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(rows.get(5).getCell(AMOUNT).asNumber()).isEqualByComparingTo("1518750.00");
        BigDecimal total = rows.stream().skip(1).map(row -> row.getCell(AMOUNT).asNumber()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("16875000.00");
    }

    @Test
    void a_partners_row_states_its_kept_in_area_cases_and_f_of_the_fall_and_leaves_the_member_columns_empty() throws Exception {
        Row header = sheet(SettlementExport.xlsx(SURPLUS), "结算分配").get(0);
        Row smallPartner = sheet(SettlementExport.xlsx(SURPLUS), "结算分配").get(4);

        assertThat(header.getCell(12).getText()).isEqualTo("留县病例数");
        assertThat(smallPartner.getCell(12).asNumber()).isEqualByComparingTo("100");
        assertThat(smallPartner.getCell(13).asNumber()).isEqualByComparingTo("0.6");
        for (int bf = 4; bf <= 6; bf++) {
            assertThat(smallPartner.getOptionalCell(bf).map(cell -> cell.getType()).orElse(CellType.EMPTY))
                    .as(header.getCell(bf).getText()).isEqualTo(CellType.EMPTY);
        }
        assertThat(smallPartner.getCell(11).getText()).contains("0.20 × 16875000.00 × 0.6 = 2025000.00", "100 / 400");
    }

    @Test
    void the_summary_sheet_adds_up_what_the_alliance_keeps_and_how_it_is_split() throws Exception {
        Map<String, BigDecimal> surplus = summary(SettlementExport.xlsx(SURPLUS));

        assertThat(surplus.get("包干总额P(元)")).isEqualByComparingTo("488750000.00");
        assertThat(surplus.get("留用金额(元)")).isEqualByComparingTo("18750000.00");
        assertThat(surplus.get("风险储备金(元)").add(surplus.get("可分配池(元)"))).isEqualByComparingTo(surplus.get("留用金额(元)"));
        assertThat(surplus.get("协作三级医院分配(元)").add(surplus.get("成员单位分配(元)")))
                .isEqualByComparingTo(surplus.get("可分配池(元)"));
        assertThat(surplus.get("协作三级医院分配(元)")).isEqualByComparingTo("2025000.00");

        Map<String, BigDecimal> overspend = summary(SettlementExport.xlsx(OVERSPEND));
        assertThat(overspend.get("超支(元)")).isEqualByComparingTo("31250000.00");
        assertThat(overspend.get("联盟承担(元)")).isEqualByComparingTo("14543750.00");
        assertThat(overspend.get("联盟承担(元)").add(overspend.get("基金承担(元)"))).isEqualByComparingTo(overspend.get("超支(元)"));
        assertThat(overspend.get("可分配池(元)")).isZero();
    }

    @Test
    void the_csv_starts_with_a_byte_order_mark_and_the_chinese_headers_and_writes_amounts_as_plain_decimals() {
        String csv = new String(SettlementExport.csv(SURPLUS), StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));

        assertThat(csv).startsWith("\uFEFF联盟编号,结算期间,机构编号,类别");
        assertThat(lines.subList(0, 7)).as("the distribution, then an empty line before the summary").hasSize(7);
        assertThat(lines.get(6)).isEmpty();
        // The partner's row: B, F and B × F empty, then 否, no floor, the amount; the explanation has a comma, so quoted.
        assertThat(lines.get(5)).startsWith("XTX-YGT-01,2025,430302H0001,协作三级医院,,,,否,,,1518750.00,\"α × pool")
                .endsWith(",300,0.6");
    }

    /**
     * With no partner's kept-in-area case the rule takes nothing from the members: before 2026-11-25 (9) the partner's row
     * said "0.20 × 16875000.00 × 0.6 = 0.00; × 0 / 0 kept-in-area cases", arithmetic that does not hold.
     */
    @Test
    void a_partner_row_without_any_attributable_case_says_the_whole_pool_goes_to_the_members() throws Exception {
        SettlementSnapshot base = XiangtanClose.withActualSpend("470000000.00");
        PeriodSettlement noneKept = PeriodSettlement.close(new SettlementSnapshot(base.allianceId(), base.period(),
                base.ruleVersion(), base.packageTotal(), base.actualSpend(), base.allianceScore(), base.specialCircumstance(),
                base.members(), base.tertiaryPartners().stream().map(partner -> new TertiaryPartner(partner.institutionId(), 0))
                .toList(), base.baselineReferralRate(), base.currentReferralRate(), base.rules(), base.scoreSource()));

        List<Row> rows = sheet(SettlementExport.xlsx(noneKept), "结算分配");

        assertThat(rows.subList(4, 6)).allSatisfy(partner -> {
            assertThat(partner.getCell(3).getText()).isEqualTo("协作三级医院");
            assertThat(partner.getCell(AMOUNT).asNumber()).isZero();
            assertThat(partner.getCell(11).getText()).isEqualTo(
                    "no attributable kept-in-area case: no tertiary share, the whole pool goes to the members");
        });
    }

    /**
     * The summary says whether the primary-level floors were paid: with a floor share of 0.6 two primary members' floors
     * exceed the member pool, so the close drops them (before 2026-11-25 (9) silently), in the xlsx and the CSV alike.
     */
    @Test
    void the_summary_says_the_floor_share_and_whether_the_floors_were_applied_and_why_not() throws Exception {
        assertThat(summaryText(SettlementExport.xlsx(SURPLUS))).containsEntry("基层保底比例", "0.05")
                .containsEntry("是否执行保底", "是");

        SettlementSnapshot base = XiangtanClose.withActualSpend("470000000.00");
        CloseRules seed = base.rules();
        CloseRules wideFloors = new CloseRules(seed.tiers(), seed.surplusCapShareOfPackage(), seed.bands(),
                seed.specialCircumstanceAllianceShare(), seed.reserveShare(), new BigDecimal("0.6"), seed.tertiaryAlpha(),
                seed.referralRateTargetFall());
        PeriodSettlement dropped = PeriodSettlement.close(new SettlementSnapshot(base.allianceId(), base.period(),
                base.ruleVersion(), base.packageTotal(), base.actualSpend(), base.allianceScore(), base.specialCircumstance(),
                base.members(), base.tertiaryPartners(), base.baselineReferralRate(), base.currentReferralRate(), wideFloors,
                base.scoreSource()));
        assertThat(dropped.members().floorsApplied()).isFalse();

        assertThat(summaryText(SettlementExport.xlsx(dropped))).containsEntry("基层保底比例", "0.6")
                .containsEntry("是否执行保底", "否：各基层成员保底合计超过成员单位分配池");
        assertThat(new String(SettlementExport.csv(dropped), StandardCharsets.UTF_8))
                .contains("\r\n基层保底比例,0.6\r\n", "\r\n是否执行保底,否：各基层成员保底合计超过成员单位分配池\r\n");
    }

    /** A what-if close (scores the request overrode) must not pass for a real one: the CSV said neither before 2026-11-25 (9). */
    @Test
    void the_csv_and_the_xlsx_summary_carry_the_rule_version_and_the_score_source() throws Exception {
        String csv = new String(SettlementExport.csv(SURPLUS), StandardCharsets.UTF_8);

        assertThat(csv).contains("\r\n\r\n项目,数值\r\n", "\r\n规则版本,xiangtan-2025.1\r\n", "\r\n评分来源,request\r\n");
        assertThat(summaryText(SettlementExport.xlsx(SURPLUS))).containsEntry("规则版本", "xiangtan-2025.1")
                .containsEntry("评分来源", "request");
    }

    private static Map<String, String> summaryText(byte[] xlsx) throws IOException {
        return sheet(xlsx, "结算汇总").stream().skip(1)
                .collect(Collectors.toMap(row -> row.getCell(0).getText(), row -> row.getCell(1).getText()));
    }

    private static List<Row> sheet(byte[] xlsx, String name) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            return workbook.findSheet(name).orElseThrow().read();
        }
    }

    private static Map<String, BigDecimal> summary(byte[] xlsx) throws IOException {
        return sheet(xlsx, "结算汇总").stream().skip(1).filter(row -> row.getCell(1).getType() == CellType.NUMBER)
                .collect(Collectors.toMap(row -> row.getCell(0).getText(), row -> row.getCell(1).asNumber()));
    }
}
