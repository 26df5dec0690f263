package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.DivisionCode;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which county-level codes a covered division's residents can have: what a spend query looks them up by. */
class SpendServiceTest {

    @Test
    void a_county_or_anything_in_it_is_its_own_county_a_city_or_the_province_every_code_under_it() {
        assertThat(SpendService.countyCodes(DivisionCode.of("430321"))).containsExactly("430321");
        assertThat(SpendService.countyCodes(DivisionCode.of("430321101"))).containsExactly("430321");
        assertThat(SpendService.countyCodes(DivisionCode.of("430321101201"))).containsExactly("430321");

        List<String> city = SpendService.countyCodes(DivisionCode.of("430300")).toList();
        assertThat(city).hasSize(100).startsWith("430300", "430301").endsWith("430399").contains("430321", "430381")
                .allMatch(code -> code.startsWith("4303") && code.length() == 6);

        List<String> province = SpendService.countyCodes(DivisionCode.of("430000")).toList();
        assertThat(province).hasSize(10_000).startsWith("430000").endsWith("439999").contains("430321", "431127")
                .doesNotHaveDuplicates();
    }

    /**
     * Whole counties or coarser: the county codes say it all and no residence prefix is asked (it would make PostgreSQL
     * misjudge the rows). With a township among them, each division's residents are matched by its significant prefix:
     * 4303 for the city, the township's own code — not "430300%", which no residence of 湘潭 starts with.
     */
    @Test
    void residence_prefixes_are_asked_only_below_a_county_and_then_by_each_divisions_significant_digits() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate until = LocalDate.of(2025, 7, 1);

        Tuple whole = SpendService.covered(List.of("430300", "430121"), from, until);
        Tuple mixed = SpendService.covered(List.of("430300", "430121101"), from, until);

        assertThat((String[]) whole.getValue(0)).hasSize(101).contains("430321", "430121");
        assertThat(whole.getValue(3)).isNull();
        assertThat((String[]) mixed.getValue(0)).hasSize(101).contains("430321", "430121");
        assertThat((String[]) mixed.getValue(3)).containsExactly("4303%", "430121101%");
    }
}
