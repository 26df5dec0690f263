package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @Test
    void event_ids_are_canonical_uuids_in_lower_case() {
        assertThat(EventId.of("8B0F5C1E-3F0E-4E7A-9A52-0C4C1D1F2A10"))
                .isEqualTo(EventId.of("8b0f5c1e-3f0e-4e7a-9a52-0c4c1d1f2a10"));
        UUID uuid = UUID.randomUUID();
        assertThat(EventId.of(uuid).asUuid()).isEqualTo(uuid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "8b0f5c1e3f0e4e7a9a520c4c1d1f2a10", "8b0f5c1e-3f0e-4e7a-9a52-0c4c1d1f2a1g",
            "{8b0f5c1e-3f0e-4e7a-9a52-0c4c1d1f2a10}", ""})
    void rejects_event_ids_that_are_not_canonical_uuids(String text) {
        assertThatThrownBy(() -> EventId.of(text))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"430321H0001", "XTX-YGT-01", "general-medicine", "RF-2025-000123", "a", "v1.2_3"})
    void accepts_code_like_ids(String text) {
        assertThat(InstitutionId.of(text).value()).isEqualTo(text);
        assertThat(ReferralId.of(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 430321H0001", "430321 H0001", "-leading-dash", "INSTITUTION:430321H0001", "湘潭县人民医院"})
    void rejects_ids_with_separators_spaces_or_other_scripts(String text) {
        assertThatThrownBy(() -> InstitutionId.of(text))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ID));
    }

    @Test
    void rejects_ids_longer_than_64_characters() {
        assertThat(AllianceId.of("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> AllianceId.of("a".repeat(65))).isInstanceOf(ContractViolation.class);
    }

    @Test
    void levels_are_ordered_from_village_to_province() {
        assertThat(Level.PROVINCE.isAbove(Level.CITY)).isTrue();
        assertThat(Level.TOWNSHIP.isBelow(Level.COUNTY)).isTrue();
        assertThat(Level.COUNTY.isAtOrBelow(Level.COUNTY)).isTrue();
        assertThat(Level.CITY.isAtOrBelow(Level.COUNTY)).isFalse();
    }
}
