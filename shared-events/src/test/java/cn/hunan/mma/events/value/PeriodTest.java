package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-03", "2025-12", "2025-H1", "2025-H2", "2025"})
    void parses_and_formats_months_half_years_and_years(String text) {
        assertThat(Period.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void parses_into_kind_year_and_index() {
        assertThat(Period.parse("2025-03")).isEqualTo(Period.month(2025, 3));
        assertThat(Period.parse("2025-H2")).isEqualTo(Period.halfYear(2025, 2));
        assertThat(Period.parse("2025")).isEqualTo(Period.ofYear(2025));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13", "2025-00", "2025-3", "2025-H3", "2025-Q1", "25", "2025-03-01", "0999", ""})
    void rejects_other_period_forms(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE));
    }

    @Test
    void contains_instants_by_china_standard_time() {
        Period march = Period.month(2025, 3);

        // 2025-03-01 00:30 in Changsha is still February in UTC.
        assertThat(march.contains(Instant.parse("2025-02-28T16:30:00Z"))).isTrue();
        assertThat(march.contains(Instant.parse("2025-02-28T15:59:59Z"))).isFalse();
        // 2025-04-01 07:59 UTC is already April in Changsha.
        assertThat(march.contains(Instant.parse("2025-03-31T15:59:59Z"))).isTrue();
        assertThat(march.contains(Instant.parse("2025-03-31T16:00:00Z"))).isFalse();
    }

    @Test
    void finds_the_enclosing_half_year_and_year() {
        assertThat(Period.month(2025, 6).enclosingHalfYear()).isEqualTo(Period.halfYear(2025, 1));
        assertThat(Period.month(2025, 7).enclosingHalfYear()).isEqualTo(Period.halfYear(2025, 2));
        assertThat(Period.halfYear(2025, 2).enclosingYear()).isEqualTo(Period.ofYear(2025));
        assertThat(Period.ofYear(2025).encloses(Period.month(2025, 11))).isTrue();
        assertThat(Period.halfYear(2025, 1).encloses(Period.month(2025, 7))).isFalse();
    }

    @Test
    void finds_the_period_containing_an_instant() {
        Instant newYearsEveInChangsha = Instant.parse("2025-12-31T17:00:00Z");

        assertThat(Period.containing(newYearsEveInChangsha, Period.Kind.YEAR)).isEqualTo(Period.ofYear(2026));
        assertThat(Period.containing(newYearsEveInChangsha, Period.Kind.HALF_YEAR)).isEqualTo(Period.halfYear(2026, 1));
        assertThat(Period.containing(Instant.parse("2025-07-01T12:00:00Z"), Period.Kind.MONTH)).isEqualTo(Period.month(2025, 7));
    }
}
