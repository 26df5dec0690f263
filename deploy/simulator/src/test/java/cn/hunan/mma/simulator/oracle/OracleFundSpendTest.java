package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.Events.yuan;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.PROVINCE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_CITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_COMMUNITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_TOWNSHIP;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGXIANG;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGXIANG_COMMUNITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGYA_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fund spending of the covered population of 湘潭县医共体 (XTX-YGT-01, covering 430321):
 * <pre>
 * 湘潭县 resident, visit at the township centre          fund    30.00  inside the area, primary level
 * 湘潭县 resident, stay at the county hospital           fund  5000.00  inside the area
 * 湘潭县 resident, stay at Xiangya in 长沙 (another city) fund 20000.00  out of area, still charged to the alliance
 * 湘乡市 resident, visit at the 湘潭县 township centre    fund    25.00  charged to 湘乡市医共体, not to XTX
 * </pre>
 */
class OracleFundSpendTest {

    private static final Period YEAR = Period.ofYear(2025);

    @TempDir
    Path dir;

    private OracleReport report;

    @BeforeEach
    void four_encounters() {
        report = deliveries()
                .deliver(visit("v-1").residentOf(XIANGTAN_COUNTY_TOWNSHIP).at(TOWNSHIP_CENTRE).costing("50.00", "30.00").build())
                .deliver(discharge("d-1").residentOf(XIANGTAN_COUNTY).from(COUNTY_HOSPITAL).costing("7000.00", "5000.00").build())
                .deliver(discharge("d-2").residentOf(XIANGTAN_COUNTY_TOWNSHIP).from(XIANGYA_HOSPITAL)
                        .costing("30000.00", "20000.00").build())
                .deliver(visit("v-2").residentOf(XIANGXIANG).at(TOWNSHIP_CENTRE).costing("40.00", "25.00").build())
                .throughTheOracle(dir);
    }

    @Test
    void the_alliance_is_charged_for_its_residents_wherever_they_were_treated() {
        // 30.00 + 5000.00 + 20000.00 = 25030.00, of which 20000.00 outside the covered county
        assertThat(report.money(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "residents.fund-paid")).isEqualTo(yuan("25030.00"));
        assertThat(report.money(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "residents.fund-paid.in-area")).isEqualTo(yuan("5030.00"));
        assertThat(report.money(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "residents.fund-paid.out-of-area"))
                .isEqualTo(yuan("20000.00"));
    }

    @Test
    void care_given_to_residents_of_another_alliance_is_charged_to_that_alliance() {
        assertThat(report.money(scopeOf(XIANGXIANG_COMMUNITY), YEAR, "residents.fund-paid")).isEqualTo(yuan("25.00"));
        assertThat(report.money(scopeOf(XIANGXIANG_COMMUNITY), YEAR, "residents.fund-paid.out-of-area")).isEqualTo(yuan("25.00"));
        // what the XTX members were paid, whoever the patient: 30.00 + 5000.00 + 25.00
        assertThat(report.money(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "fund-paid")).isEqualTo(yuan("5055.00"));
    }

    @Test
    void in_area_and_primary_level_shares_of_the_alliance_fund() {
        // 5030.00 / 25030.00 = 0.2009588… → 0.200959;  30.00 / 25030.00 = 0.0011985… → 0.001199
        assertThat(report.ratio(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "insurance.fund-in-area-share")).isEqualTo("0.200959");
        assertThat(report.ratio(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "insurance.primary-level-fund-share"))
                .isEqualTo("0.001199");
        assertThat(report.ratio(scopeOf(XIANGXIANG_COMMUNITY), YEAR, "insurance.fund-in-area-share")).isEqualTo("0.000000");
    }

    @Test
    void the_city_and_province_see_the_same_money_against_their_own_borders() {
        // 湘潭市 residents spent 25055.00; inside the city 30.00 + 5000.00 + 25.00 = 5055.00 → 0.2017561… → 0.201756
        assertThat(report.money(XIANGTAN_CITY, YEAR, "residents.fund-paid")).isEqualTo(yuan("25055.00"));
        assertThat(report.ratio(XIANGTAN_CITY, YEAR, "insurance.fund-in-area-share")).isEqualTo("0.201756");
        assertThat(report.ratio(PROVINCE, YEAR, "insurance.fund-in-area-share")).isEqualTo("1.000000");
    }
}
