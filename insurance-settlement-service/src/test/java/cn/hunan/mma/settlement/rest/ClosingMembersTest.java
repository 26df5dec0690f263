package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.settlement.domain.alliance.PeriodMakeup;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosingMembersTest {

    // 湘潭县: the county hospital, a township health centre, and a clinic the matrix has not stated yet.
    private static final PeriodMakeup XIANGTAN = new PeriodMakeup(List.of(
            new PeriodMakeup.Member("430321H0001", Level.COUNTY),
            new PeriodMakeup.Member("430321T0100", Level.TOWNSHIP),
            new PeriodMakeup.Member("430321V0001", null)), Optional.of(Set.of("430302H0001")));

    @Test
    void without_members_the_close_pays_every_member_the_alliance_had_with_its_level_from_the_matrix() {
        PeriodMakeup stated = new PeriodMakeup(List.of(new PeriodMakeup.Member("430321H0001", Level.COUNTY),
                new PeriodMakeup.Member("430321T0100", Level.TOWNSHIP), new PeriodMakeup.Member("430321V0007", Level.VILLAGE)),
                Optional.of(Set.of()));

        ClosingMembers closing = ClosingMembers.resolve(null, "XTX-YGT-01", "2025-H1", stated);

        assertThat(closing.namedBy()).isEqualTo(ClosingMembers.MATRIX);
        assertThat(closing.members()).extracting(member -> member.institutionId().value())
                .containsExactly("430321H0001", "430321T0100", "430321V0007");
        assertThat(closing.members()).extracting(CloseRequest.Member::primaryLevel).containsExactly(false, true, true);
        assertThat(closing.members()).allSatisfy(member -> {
            assertThat(member.base()).isNull();
            assertThat(member.score()).isNull();
        });
        assertThat(closing.levelsTaken()).extracting(ClosingMembers.TakenLevel::level)
                .containsExactly(Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE);
        assertThat(closing.omitted()).isEmpty();
    }

    @Test
    void a_member_whose_level_the_matrix_has_not_stated_cannot_be_named_by_the_matrix_alone() {
        assertThatThrownBy(() -> ClosingMembers.resolve(null, "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("430321V0001")
                .hasMessageContaining("primaryLevel");
    }

    @Test
    void the_request_names_only_members_of_the_alliance_in_the_period() {
        List<CloseRequest.Member> requested = List.of(member("430321H0001", false), member("430381H0001", false));

        assertThatThrownBy(() -> ClosingMembers.resolve(requested, "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("430381H0001 was not a member of XTX-YGT-01 during 2025-H1")
                .hasMessageContaining("430321T0100");
    }

    @Test
    void a_floor_goes_only_to_a_member_the_matrix_holds_for_primary_level() {
        assertThatThrownBy(() -> ClosingMembers.resolve(List.of(member("430321H0001", true)), "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("COUNTY");
        assertThatThrownBy(() -> ClosingMembers.resolve(List.of(member("430321T0100", false)), "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("TOWNSHIP");
    }

    @Test
    void a_level_left_out_is_the_matrix_s_and_a_level_the_matrix_lacks_is_the_request_s() {
        ClosingMembers closing = ClosingMembers.resolve(List.of(member("430321T0100", null), member("430321V0001", true)),
                "XTX-YGT-01", "2025-H1", XIANGTAN);

        assertThat(closing.namedBy()).isEqualTo(ClosingMembers.REQUEST);
        assertThat(closing.members()).extracting(CloseRequest.Member::primaryLevel).containsExactly(true, true);
        // The county hospital was a member in the period too: left out by the request, and said so.
        assertThat(closing.omitted()).containsExactly("430321H0001");
        assertThat(closing.levelsTaken()).containsExactly(new ClosingMembers.TakenLevel("430321T0100", Level.TOWNSHIP, true));
        assertThatThrownBy(() -> ClosingMembers.resolve(List.of(member("430321V0001", null)), "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("430321V0001 needs primaryLevel");
    }

    @Test
    void a_member_named_twice_or_an_empty_list_is_refused() {
        assertThatThrownBy(() -> ClosingMembers.resolve(List.of(member("430321H0001", false), member("430321H0001", false)),
                "XTX-YGT-01", "2025-H1", XIANGTAN)).isInstanceOf(BadRequestException.class).hasMessageContaining("named twice");
        assertThatThrownBy(() -> ClosingMembers.resolve(List.of(), "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("leave the field out");
        assertThatThrownBy(() -> ClosingMembers.resolve(null, "XTX-NEW-01", "2025-H1",
                new PeriodMakeup(List.of(), Optional.empty()))).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("no make-up");
    }

    private static CloseRequest.Member member(String id, Boolean primaryLevel) {
        return new CloseRequest.Member(InstitutionId.of(id), new BigDecimal("1000"), new BigDecimal("90"), primaryLevel);
    }
}
