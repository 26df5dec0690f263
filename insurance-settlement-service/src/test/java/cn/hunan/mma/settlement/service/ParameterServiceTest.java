package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.DivisionCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterServiceTest {

    @Test
    void a_township_lies_in_its_county_city_and_province_most_specific_first() {
        assertThat(ParameterService.areasOf(DivisionCode.of("430321102"))).containsExactly("430321", "430300", "430000");
    }

    @Test
    void a_city_code_is_its_own_most_specific_area() {
        assertThat(ParameterService.areasOf(DivisionCode.of("430300"))).containsExactly("430300", "430000");
    }
}
