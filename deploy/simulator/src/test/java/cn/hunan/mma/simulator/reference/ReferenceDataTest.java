package cn.hunan.mma.simulator.reference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.bundled();

    @Test
    void census_keeps_the_official_provincial_total_after_mapping_to_current_codes() {
        long total = data.census().values().stream().mapToLong(CountyCensus::population).sum();
        assertThat(total).isEqualTo(66_444_864L);
    }

    @Test
    void every_county_level_division_has_census_figures_and_age_shares_summing_to_one() {
        List<Division> counties = data.divisions().stream().filter(d -> d.level() == DivisionLevel.COUNTY).toList();
        assertThat(counties).hasSize(134);
        for (Division county : counties) {
            CountyCensus census = data.census().get(county.code());
            assertThat(census).as(county.code()).isNotNull();
            double sum = 0;
            for (double share : census.ageBandShares()) {
                sum += share;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void divisions_hold_fourteen_prefectures_and_122_formal_counties() {
        assertThat(data.divisions().stream().filter(d -> d.level() == DivisionLevel.PREFECTURE)).hasSize(14);
        assertThat(data.divisions().stream().filter(d -> d.level() == DivisionLevel.COUNTY && d.formal())).hasSize(122);
        assertThat(data.villages()).hasSize(29_534);
    }

    @Test
    void gray_listed_diagnoses_are_left_out() {
        assertThat(data.diagnoses()).extracting(Icd10Entry::code).doesNotContain("I10.x00").contains("I10.x00x002");
    }

    @Test
    void drg_groups_without_a_weight_are_left_out() {
        assertThat(data.drgGroups()).extracting(DrgGroup::code).doesNotContain("NG19").contains("BR25");
    }

    @Test
    void area_accepts_province_prefecture_and_county_codes() {
        assertThat(Area.parse("43").level()).isEqualTo(DivisionLevel.PROVINCE);
        assertThat(Area.parse("430300").contains("430321100004")).isTrue();
        assertThat(Area.parse("430300").contains("430103")).isFalse();
        assertThat(Area.parse("430103").contains("430103001")).isTrue();
        assertThatThrownBy(() -> Area.parse("440300")).isInstanceOf(IllegalArgumentException.class);
    }
}
