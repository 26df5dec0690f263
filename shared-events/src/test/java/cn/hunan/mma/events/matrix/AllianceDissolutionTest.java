package cn.hunan.mma.events.matrix;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllianceDissolutionTest {

    private static final Instant AT = Instant.parse("2025-06-30T16:00:00Z");
    private static final InstitutionId LEAD = InstitutionId.of("430321H0001");
    private static final InstitutionId MEMBER = InstitutionId.of("430321H0002");
    private static final InstitutionId TERTIARY = InstitutionId.of("430300H0001");
    private static final DivisionCode COUNTY = DivisionCode.of("430321");

    private static AllianceSnapshot alliance(List<InstitutionId> members, List<DivisionCode> covered, List<InstitutionId> tertiary) {
        return new AllianceSnapshot(EventId.random(), AT, AllianceId.of("XT-XTX-01"), "湘潭县医共体", AllianceKind.COUNTY_COMMUNITY,
                LEAD, members, covered, tertiary);
    }

    @Test
    void a_dissolved_alliance_keeps_its_identity_and_lead_and_nothing_else() {
        AllianceSnapshot live = alliance(List.of(LEAD, MEMBER), List.of(COUNTY), List.of(TERTIARY));
        EventId id = EventId.random();

        AllianceSnapshot dissolved = AllianceDissolution.of(live, id, AT.plusSeconds(60));

        assertThat(dissolved.eventId()).isEqualTo(id);
        assertThat(dissolved.occurredAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(dissolved.allianceId()).isEqualTo(live.allianceId());
        assertThat(dissolved.name()).isEqualTo(live.name());
        assertThat(dissolved.kind()).isEqualTo(live.kind());
        assertThat(dissolved.memberIds()).containsExactly(LEAD);
        assertThat(dissolved.coveredDivisions()).isEmpty();
        assertThat(dissolved.collaboratingTertiaryIds()).isEmpty();
        assertThat(AllianceDissolution.isDissolved(dissolved)).isTrue();
        assertThat(AllianceDissolution.isLive(dissolved)).isFalse();
    }

    @Test
    void any_second_member_covered_division_or_tertiary_partner_makes_an_alliance_live() {
        assertThat(AllianceDissolution.isLive(alliance(List.of(LEAD, MEMBER), List.of(), List.of()))).isTrue();
        assertThat(AllianceDissolution.isLive(alliance(List.of(LEAD), List.of(COUNTY), List.of()))).isTrue();
        assertThat(AllianceDissolution.isLive(alliance(List.of(LEAD), List.of(), List.of(TERTIARY)))).isTrue();
        assertThat(AllianceDissolution.isDissolved(alliance(List.of(LEAD), List.of(), List.of()))).isTrue();
    }

    @Test
    void the_id_form_agrees_with_the_snapshot_form() {
        assertThat(AllianceDissolution.isDissolved("430321H0001", List.of("430321H0001"), List.of(), List.of())).isTrue();
        assertThat(AllianceDissolution.isDissolved("430321H0001", List.of("430321H0002"), List.of(), List.of())).isFalse();
        assertThat(AllianceDissolution.isDissolved("430321H0001", List.of("430321H0001", "430321H0002"), List.of(), List.of())).isFalse();
        assertThat(AllianceDissolution.isDissolved("430321H0001", List.of("430321H0001"), List.of("430321"), List.of())).isFalse();
        assertThat(AllianceDissolution.isDissolved("430321H0001", List.of("430321H0001"), List.of(), List.of("430300H0001"))).isFalse();
    }
}
