package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.domain.parameters.AreaParameters;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import cn.hunan.mma.settlement.domain.parameters.SeedParameters;
import cn.hunan.mma.settlement.persistence.AreaParametersEntity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterServiceTest {

    private static final AreaParameters SEED = SettlementJson.readParameters(SeedParameters.json());

    @Test
    void a_township_lies_in_its_county_city_and_province_most_specific_first() {
        assertThat(ParameterService.areasOf(DivisionCode.of("430321102"))).containsExactly("430321", "430300", "430000");
    }

    @Test
    void a_city_code_is_its_own_most_specific_area() {
        assertThat(ParameterService.areasOf(DivisionCode.of("430300"))).containsExactly("430300", "430000");
    }

    @Test
    void a_batch_lookup_takes_the_most_specific_areas_latest_version_in_force_on_the_date() {
        List<ParameterService.VersionKey> rows = List.of(row("430000", "2000-01-01"), row("430321", "2037-01-01"),
                row("430300", "2033-01-01"), row("430321", "2036-01-01"), row("430100", "2030-01-01"));
        BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>> lookup =
                ParameterService.chooser(rows, row -> new ParameterVersion(row.versionId(), SEED));

        assertThat(version(lookup, "430321", "2032-12-31")).isEqualTo("430000/2000-01-01");
        assertThat(version(lookup, "430321", "2035-06-01")).isEqualTo("430300/2033-01-01");
        assertThat(version(lookup, "430321", "2036-01-01")).isEqualTo("430321/2036-01-01");
        assertThat(version(lookup, "430321102", "2038-03-01")).isEqualTo("430321/2037-01-01");
        assertThat(version(lookup, "430321", "2036-12-31")).as("asked again, after a later date").isEqualTo("430321/2036-01-01");
        assertThat(version(lookup, "430381", "2036-05-01")).as("another county of the city").isEqualTo("430300/2033-01-01");
        assertThat(version(lookup, "430102", "2031-01-01")).isEqualTo("430100/2030-01-01");
        assertThat(lookup.apply(DivisionCode.of("430321"), LocalDate.parse("1999-12-31"))).isEmpty();
    }

    @Test
    void only_the_version_chosen_is_read_so_an_unreadable_old_one_fails_no_batch_that_does_not_need_it() {
        List<ParameterService.VersionKey> rows = List.of(row("430000", "2000-01-01"), row("430321", "2036-01-01"));
        BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>> lookup = ParameterService.chooser(rows, row -> {
            if (row.area().equals("430000")) {
                throw new IllegalStateException("the province's 2000 version does not parse");
            }
            return new ParameterVersion(row.versionId(), SEED);
        });

        assertThat(version(lookup, "430321", "2036-06-01")).isEqualTo("430321/2036-01-01");
    }

    private static String version(BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>> lookup, String division, String date) {
        return lookup.apply(DivisionCode.of(division), LocalDate.parse(date)).orElseThrow().versionId();
    }

    private static ParameterService.VersionKey row(String area, String effectiveFrom) {
        return new ParameterService.VersionKey(area + "/" + effectiveFrom, area, LocalDate.parse(effectiveFrom));
    }
}
