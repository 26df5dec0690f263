package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.renamed;
import static org.assertj.core.api.Assertions.assertThat;

class InstitutionEntityTest {

    private final InstitutionSnapshot published = institution("430321H0001", "430321100", "CC-430321");

    @Test
    void holds_the_same_content_published_again_under_another_event_id() {
        InstitutionEntity row = InstitutionEntity.from(published);
        InstitutionSnapshot republished = new InstitutionSnapshot(EventId.random(), published.occurredAt().plusSeconds(5),
                published.institutionId(), published.name(), published.level(), published.kind(),
                published.divisionCode(), published.latitude(), published.longitude(), published.allianceIds(), true);

        assertThat(row.holds(republished)).isTrue();
    }

    @Test
    void compares_coordinates_by_value_not_by_scale() {
        InstitutionEntity row = InstitutionEntity.from(published);
        InstitutionSnapshot sameValue = new InstitutionSnapshot(published.eventId(), published.occurredAt(),
                published.institutionId(), published.name(), published.level(), published.kind(),
                published.divisionCode(), new BigDecimal("27.7800"), new BigDecimal("112.950"),
                published.allianceIds(), true);

        assertThat(row.holds(sameValue)).isTrue();
    }

    @Test
    void does_not_hold_a_renamed_institution_and_takes_the_new_name_and_event() {
        InstitutionEntity row = InstitutionEntity.from(published);
        InstitutionSnapshot renamed = renamed(published, "湘潭县第一人民医院");

        assertThat(row.holds(renamed)).isFalse();
        row.apply(renamed);
        assertThat(row.name()).isEqualTo("湘潭县第一人民医院");
        assertThat(row.lastEventId()).isEqualTo(renamed.eventId().asUuid());
    }

    @Test
    void does_not_hold_an_institution_that_left_an_alliance() {
        InstitutionEntity row = InstitutionEntity.from(published);
        InstitutionSnapshot leftAlliance = institution("430321H0001", "430321100");

        assertThat(row.holds(leftAlliance)).isFalse();
    }
}
