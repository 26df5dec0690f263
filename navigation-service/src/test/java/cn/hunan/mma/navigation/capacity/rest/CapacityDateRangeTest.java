package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.events.value.ContractViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityDateRangeTest {

    @Test
    void reads_iso_dates_both_inclusive() {
        assertThat(CapacityDateRange.parse("2025-03-17", "2025-03-17"))
                .isEqualTo(new CapacityDateRange(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 17)));
    }

    @Test
    void rejects_a_range_that_ends_before_it_starts() {
        assertThatThrownBy(() -> CapacityDateRange.parse("2025-03-18", "2025-03-17"))
                .isInstanceOfSatisfying(ContractViolation.class, refused -> assertThat(refused.field()).isEqualTo("to"))
                .hasMessageContaining("before");
    }

    @Test
    void rejects_a_date_not_written_as_year_month_day() {
        assertThatThrownBy(() -> CapacityDateRange.parse("17/03/2025", "2025-03-17"))
                .isInstanceOfSatisfying(ContractViolation.class, refused -> assertThat(refused.field()).isEqualTo("from"))
                .hasMessageStartingWith("from");
    }

    @Test
    void rejects_a_missing_date() {
        assertThatThrownBy(() -> CapacityDateRange.parse("2025-03-17", null))
                .isInstanceOfSatisfying(ContractViolation.class, refused -> assertThat(refused.field()).isEqualTo("to"))
                .hasMessageContaining("to is required");
    }

    @Test
    void rejects_a_range_longer_than_a_quarter() {
        assertThat(CapacityDateRange.parse("2025-01-01", "2025-04-02").to()).isEqualTo(LocalDate.of(2025, 4, 2));
        assertThatThrownBy(() -> CapacityDateRange.parse("2025-01-01", "2025-04-03"))
                .isInstanceOfSatisfying(ContractViolation.class, refused -> assertThat(refused.field()).isEqualTo("to"))
                .hasMessageContaining("92 days");
    }
}
