package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.SmallHunan.CENTRAL_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.PROVINCE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_CITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_AREA;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_COMMUNITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_TOWNSHIP;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGXIANG;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGXIANG_AREA;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGXIANG_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGYA_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seven inpatient episodes of residents of two counties of 湘潭市:
 * <pre>
 * 湘潭县 residents: county hospital ×2 (in county), Xiangtan central hospital (other county, same city),
 *                   Xiangya in 长沙 (other city)                                → 2 of 4 out of the county
 * 湘乡市 residents: Xiangxiang hospital ×2 (in county), 湘潭县 county hospital   → 1 of 3 out of the county
 * 湘潭市 residents: only the Xiangya stay left the city                         → 1 of 7 out of the city
 * </pre>
 */
class OracleOutOfAreaTest {

    private static final Period YEAR = Period.ofYear(2025);

    @TempDir
    Path dir;

    private OracleReport report;

    @BeforeEach
    void seven_episodes_of_two_counties() {
        report = deliveries()
                .deliver(discharge("xtx-1").residentOf(XIANGTAN_COUNTY_TOWNSHIP).from(COUNTY_HOSPITAL).build())
                .deliver(discharge("xtx-2").residentOf(XIANGTAN_COUNTY_TOWNSHIP).from(COUNTY_HOSPITAL).build())
                .deliver(discharge("xtx-3").residentOf(XIANGTAN_COUNTY_TOWNSHIP).from(CENTRAL_HOSPITAL).build())
                .deliver(discharge("xtx-4").residentOf(XIANGTAN_COUNTY_TOWNSHIP).from(XIANGYA_HOSPITAL).build())
                .deliver(discharge("xxs-1").residentOf(XIANGXIANG).from(XIANGXIANG_HOSPITAL).build())
                .deliver(discharge("xxs-2").residentOf(XIANGXIANG).from(XIANGXIANG_HOSPITAL).build())
                .deliver(discharge("xxs-3").residentOf(XIANGXIANG).from(COUNTY_HOSPITAL).build())
                .throughTheOracle(dir);
    }

    @Test
    void each_county_counts_its_residents_treated_outside_it() {
        // 湘潭县: 2 of 4 = 0.500000; 湘乡市: 1 of 3 = 0.333333…
        assertThat(report.ratio(XIANGTAN_COUNTY_AREA, YEAR, "inpatient.out-of-area-share")).isEqualTo("0.500000");
        assertThat(report.ratio(XIANGXIANG_AREA, YEAR, "inpatient.out-of-area-share")).isEqualTo("0.333333");
        assertThat(report.count(XIANGXIANG_AREA, YEAR, "residents.discharges.out-of-area")).isEqualTo(1);
    }

    @Test
    void the_in_area_share_is_the_complement() {
        // 湘乡市: 2 of 3 = 0.666666… rounds half-even to 0.666667
        assertThat(report.ratio(XIANGXIANG_AREA, YEAR, "inpatient.in-area-share")).isEqualTo("0.666667");
        assertThat(report.ratio(XIANGTAN_COUNTY_AREA, YEAR, "inpatient.in-area-share")).isEqualTo("0.500000");
    }

    @Test
    void the_city_counts_only_what_left_the_city() {
        // 1 of 7 = 0.142857142… → 0.142857
        assertThat(report.count(XIANGTAN_CITY, YEAR, "residents.discharges")).isEqualTo(7);
        assertThat(report.ratio(XIANGTAN_CITY, YEAR, "inpatient.out-of-area-share")).isEqualTo("0.142857");
        // nobody left Hunan: a defined ratio of zero, not an absent one
        assertThat(report.ratio(PROVINCE, YEAR, "inpatient.out-of-area-share")).isEqualTo("0.000000");
    }

    @Test
    void residence_and_place_of_treatment_are_different_bases() {
        // treated in 湘潭县: xtx-1, xtx-2 and xxs-3; living in 湘潭县: xtx-1…4
        assertThat(report.count(XIANGTAN_COUNTY_AREA, YEAR, "discharges")).isEqualTo(3);
        assertThat(report.count(XIANGTAN_COUNTY_AREA, YEAR, "residents.discharges")).isEqualTo(4);
    }

    @Test
    void a_county_community_counts_its_covered_residents_like_its_county() {
        assertThat(report.ratio(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "inpatient.out-of-area-share")).isEqualTo("0.500000");
    }
}
