package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the alliance row follows the alliance topic through a dissolution. */
class AllianceEntityTest {

    private static final InstitutionId LEAD = InstitutionId.of("430382T0101");
    private static final InstitutionId MEMBER = InstitutionId.of("430382T0201");
    private static final AllianceSnapshot LIVE = live(Instant.parse("2021-01-01T00:00:00Z"), List.of(LEAD, MEMBER), "430382");
    private static final Instant DISSOLVED = Instant.parse("2022-05-14T16:00:00Z");

    @Test
    void a_dissolution_keeps_the_make_up_the_alliance_had_and_records_when() {
        AllianceEntity row = AllianceEntity.of(LIVE);
        assertThat(row.lifetime().dissolved()).isFalse();

        row.apply(AllianceDissolution.of(LIVE, EventId.random(), DISSOLVED));

        assertThat(row.memberIds()).containsExactly("430382T0101", "430382T0201");
        assertThat(row.coveredDivisions()).containsExactly("430382");
        assertThat(row.lifetime().dissolvedAt()).isEqualTo(DISSOLVED);
        // Stated again later (a replay, a re-publication): the first date stands.
        row.apply(AllianceDissolution.of(LIVE, EventId.random(), DISSOLVED.plusSeconds(86_400)));
        assertThat(row.lifetime().dissolvedAt()).isEqualTo(DISSOLVED);
    }

    @Test
    void an_alliance_first_heard_of_as_dissolved_has_no_divisions_to_keep() {
        AllianceEntity row = AllianceEntity.of(AllianceDissolution.of(LIVE, EventId.random(), DISSOLVED));

        assertThat(row.memberIds()).containsExactly("430382T0101");
        assertThat(row.coveredDivisions()).isEmpty();
        assertThat(row.lifetime().dissolvedAt()).isEqualTo(DISSOLVED);
    }

    @Test
    void a_make_up_stated_before_the_dissolution_is_ignored_and_one_stated_after_forms_the_alliance_again() {
        AllianceEntity row = AllianceEntity.of(LIVE);
        row.apply(AllianceDissolution.of(LIVE, EventId.random(), DISSOLVED));

        row.apply(live(DISSOLVED.minusSeconds(60), List.of(LEAD), "430381"));
        assertThat(row.lifetime().dissolved()).isTrue();
        assertThat(row.coveredDivisions()).containsExactly("430382");

        row.apply(live(DISSOLVED.plusSeconds(60), List.of(LEAD), "430381"));
        assertThat(row.lifetime().dissolved()).isFalse();
        assertThat(row.memberIds()).containsExactly("430382T0101");
        assertThat(row.coveredDivisions()).containsExactly("430381");
    }

    @Test
    void a_make_up_or_a_dissolution_stated_before_what_the_row_holds_is_ignored() {
        AllianceEntity row = AllianceEntity.of(LIVE);
        row.apply(live(Instant.parse("2023-01-01T00:00:00Z"), List.of(LEAD), "430381"));

        // Replays of older statements: the make-up of 2021, and a dissolution stated in 2022 (before it was formed again).
        row.apply(LIVE);
        row.apply(AllianceDissolution.of(LIVE, EventId.random(), DISSOLVED));

        assertThat(row.lifetime().dissolved()).isFalse();
        assertThat(row.memberIds()).containsExactly("430382T0101");
        assertThat(row.coveredDivisions()).containsExactly("430381");
    }

    private static AllianceSnapshot live(Instant at, List<InstitutionId> members, String division) {
        return new AllianceSnapshot(EventId.random(), at, AllianceId.of("XTX-DIS-UNIT"), "韶山市医共体(测试)",
                AllianceKind.COUNTY_COMMUNITY, LEAD, members, List.of(DivisionCode.of(division)), List.of());
    }
}
