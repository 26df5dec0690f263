package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.navigation.registry.domain.PlausibleCoordinates;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinates a Hunan institution can have: inside 24.50–30.25 N, 108.65–114.35 E. */
class PlausibleCoordinatesTest {

    @Test
    void a_place_in_hunan_and_an_unsurveyed_institution_pass() {
        assertThat(problem("27.7790", "112.9520")).isEmpty(); // 湘潭县人民医院
        assertThat(problem("25.18", "111.60")).isEmpty(); // 江华, the southernmost county seat
        assertThat(PlausibleCoordinates.problem(null, null)).isEmpty();
    }

    @Test
    void the_edges_of_the_box_are_inside_and_a_hundredth_beyond_is_not() {
        assertThat(problem("24.50", "108.65")).isEmpty();
        assertThat(problem("30.25", "114.35")).isEmpty();
        assertThat(problem("24.49", "112.00")).map(RuleViolation::field).contains("latitude");
        assertThat(problem("28.00", "114.36")).map(RuleViolation::field).contains("longitude");
    }

    @Test
    void a_swapped_pair_is_named_as_swapped() {
        Optional<RuleViolation> swapped = problem("112.9", "28.2");
        assertThat(swapped).map(RuleViolation::reason).contains("IMPLAUSIBLE_COORDINATES");
        assertThat(swapped).map(RuleViolation::field).contains("latitude");
        assertThat(swapped.orElseThrow().detail()).contains("swapped");
    }

    @Test
    void places_outside_hunan_name_the_figure_that_is_off() {
        // 0/0 (the Gulf of Guinea), 广州 (south of Hunan), 南昌 (a Hunan latitude, east of Hunan), a dropped minus read as south.
        assertThat(problem("0", "0")).map(RuleViolation::field).contains("latitude");
        assertThat(problem("23.13", "113.26")).map(RuleViolation::field).contains("latitude");
        assertThat(problem("28.68", "115.86")).map(RuleViolation::field).contains("longitude");
        assertThat(problem("-27.78", "112.95")).map(RuleViolation::field).contains("latitude");
        assertThat(problem("28.68", "115.86").orElseThrow().detail()).doesNotContain("swapped").doesNotContain("115.86");
    }

    private static Optional<RuleViolation> problem(String latitude, String longitude) {
        return PlausibleCoordinates.problem(new BigDecimal(latitude), new BigDecimal(longitude));
    }
}
