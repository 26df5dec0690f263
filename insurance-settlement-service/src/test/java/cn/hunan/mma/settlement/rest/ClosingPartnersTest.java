package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.settlement.domain.alliance.PeriodMakeup;
import cn.hunan.mma.settlement.rules.distribution.TertiaryPartner;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosingPartnersTest {

    private static final List<PeriodMakeup.Member> MEMBERS = List.of(new PeriodMakeup.Member("430321H0001", Level.COUNTY));
    // 湘潭县 collaborates with 湘潭市中心医院 and 湘雅医院.
    private static final PeriodMakeup XIANGTAN = new PeriodMakeup(MEMBERS, Optional.of(Set.of("430302H0001", "430102H0001")));

    @Test
    void without_partners_the_close_shares_with_every_collaborating_hospital_whose_cases_the_service_works_out() {
        ClosingPartners partners = ClosingPartners.resolve(null, "XTX-YGT-01", "2025-H1", XIANGTAN);

        assertThat(partners.toDerive()).containsExactlyInAnyOrder("430302H0001", "430102H0001");
        assertThat(partners.frozen(Map.of("430302H0001", 4L, "430102H0001", 0L)))
                .containsExactlyInAnyOrder(partner("430302H0001", 4), partner("430102H0001", 0));
    }

    @Test
    void a_count_the_request_gives_stands_and_one_it_leaves_out_is_worked_out() {
        ClosingPartners partners = ClosingPartners.resolve(List.of(new CloseRequest.Partner(InstitutionId.of("430302H0001"), 300L),
                new CloseRequest.Partner(InstitutionId.of("430102H0001"), null)), "XTX-YGT-01", "2025-H1", XIANGTAN);

        assertThat(partners.toDerive()).containsExactly("430102H0001");
        assertThat(partners.frozen(Map.of("430102H0001", 2L))).containsExactly(partner("430302H0001", 300), partner("430102H0001", 2));
    }

    @Test
    void partners_are_checked_where_the_matrix_names_the_collaborating_hospitals() {
        List<CloseRequest.Partner> stranger = List.of(new CloseRequest.Partner(InstitutionId.of("430105H0001"), 100L));

        assertThatThrownBy(() -> ClosingPartners.resolve(stranger, "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("430105H0001 did not collaborate");
        // Carried over from before the service kept them: not known, so not checked — but not guessed either.
        PeriodMakeup carried = new PeriodMakeup(MEMBERS, Optional.empty());
        assertThat(ClosingPartners.resolve(stranger, "XTX-YGT-01", "2025-H1", carried).frozen(Map.of()))
                .containsExactly(partner("430105H0001", 100));
        assertThatThrownBy(() -> ClosingPartners.resolve(null, "XTX-YGT-01", "2025-H1", carried))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("give [] for none");
    }

    @Test
    void a_partner_named_twice_or_a_negative_count_is_refused() {
        CloseRequest.Partner once = new CloseRequest.Partner(InstitutionId.of("430302H0001"), 1L);
        assertThatThrownBy(() -> ClosingPartners.resolve(List.of(once, once), "XTX-YGT-01", "2025-H1", XIANGTAN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("named twice");
        assertThatThrownBy(() -> ClosingPartners.resolve(List.of(new CloseRequest.Partner(InstitutionId.of("430302H0001"), -1L)),
                "XTX-YGT-01", "2025-H1", XIANGTAN)).isInstanceOf(BadRequestException.class).hasMessageContaining("negative");
    }

    private static TertiaryPartner partner(String id, long cases) {
        return new TertiaryPartner(InstitutionId.of(id), cases);
    }
}
