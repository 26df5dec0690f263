package cn.hunan.mma.platform.security;

import cn.hunan.mma.events.value.DivisionCode;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {

    // 湘潭市 430300: 湘潭县 430321; 张家界市 430800: 永定区 430802; 长沙市天心区 430103.
    private static final Jurisdiction XIANGTAN_COUNTY_HOSPITAL =
            Jurisdiction.ofInstitution("H430321001", DivisionCode.of("430321"), Set.of("A-XT-COUNTY"));
    private static final Jurisdiction YONGDING_TOWNSHIP_CENTRE =
            Jurisdiction.ofInstitution("H430802101", DivisionCode.of("430802101"), Set.of("A-ZJJ-YD"));

    @Test
    void province_admin_sees_and_changes_anything_in_the_province() {
        Caller admin = caller(Role.PROVINCE_ADMIN, scope("430000", null, null, null));

        assertThat(AccessPolicy.mayChange(admin, XIANGTAN_COUNTY_HOSPITAL)).isTrue();
        assertThat(AccessPolicy.mayChange(admin, YONGDING_TOWNSHIP_CENTRE)).isTrue();
    }

    @Test
    void province_scope_does_not_reach_another_province() {
        Caller admin = caller(Role.PROVINCE_ADMIN, scope("430000", null, null, null));

        assertThat(AccessPolicy.maySee(admin, division("440104"))).isFalse();
    }

    @Test
    void city_operator_sees_its_own_city_down_to_townships_only() {
        Caller xiangtan = caller(Role.CITY_OPERATOR, scope(null, "430300", null, null));

        assertThat(AccessPolicy.maySee(xiangtan, XIANGTAN_COUNTY_HOSPITAL)).isTrue();
        assertThat(AccessPolicy.maySee(xiangtan, division("430321101"))).isTrue();
        assertThat(AccessPolicy.maySee(xiangtan, YONGDING_TOWNSHIP_CENTRE)).isFalse();
        assertThat(AccessPolicy.maySee(xiangtan, division("430103"))).isFalse();
    }

    @Test
    void alliance_operator_sees_only_members_of_its_alliance() {
        Caller operator = caller(Role.ALLIANCE_OPERATOR, scope(null, null, "A-XT-COUNTY", null));

        assertThat(AccessPolicy.maySee(operator, XIANGTAN_COUNTY_HOSPITAL)).isTrue();
        assertThat(AccessPolicy.maySee(operator, division("430321"))).isFalse();
    }

    @Test
    void institution_user_sees_only_its_institution() {
        Caller user = caller(Role.INSTITUTION_USER, scope(null, null, null, "H430321001"));

        assertThat(AccessPolicy.maySee(user, XIANGTAN_COUNTY_HOSPITAL)).isTrue();
        assertThat(AccessPolicy.maySee(user, YONGDING_TOWNSHIP_CENTRE)).isFalse();
    }

    @Test
    void auditor_reads_within_scope_but_never_changes() {
        Caller auditor = caller(Role.AUDITOR, scope(null, "430300", null, null));

        assertThat(AccessPolicy.maySee(auditor, XIANGTAN_COUNTY_HOSPITAL)).isTrue();
        assertThat(AccessPolicy.mayChange(auditor, XIANGTAN_COUNTY_HOSPITAL)).isFalse();
        assertThatThrownBy(() -> AccessPolicy.requireChange(auditor, XIANGTAN_COUNTY_HOSPITAL, "institution H430321001"))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("may read but not change");
    }

    @Test
    void a_token_without_scope_claims_sees_nothing() {
        Caller nobody = caller(Role.PROVINCE_ADMIN, Scope.none());

        assertThat(AccessPolicy.maySee(nobody, XIANGTAN_COUNTY_HOSPITAL)).isFalse();
    }

    @Test
    void out_of_scope_reads_are_refused_with_what_was_refused() {
        Caller zhangjiajie = caller(Role.CITY_OPERATOR, scope(null, "430800", null, null));

        assertThatThrownBy(() -> AccessPolicy.requireSee(zhangjiajie, XIANGTAN_COUNTY_HOSPITAL, "institution H430321001"))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessage("institution H430321001 is outside the caller's scope");
    }

    @Test
    void malformed_city_claims_are_rejected() {
        assertThatThrownBy(() -> scope(null, "4303", null, null)).isInstanceOf(InvalidScopeClaimException.class);
    }

    @Test
    void a_county_code_in_the_city_claim_does_not_widen_to_the_whole_city() {
        assertThatThrownBy(() -> scope(null, "430321", null, null))
                .isInstanceOf(InvalidScopeClaimException.class)
                .hasMessageContaining("prefecture");
    }

    @Test
    void a_city_code_in_the_province_claim_does_not_widen_to_the_province() {
        assertThatThrownBy(() -> scope("430300", null, null, null)).isInstanceOf(InvalidScopeClaimException.class);
    }

    @Test
    void a_token_with_scope_but_no_platform_role_sees_nothing() {
        Caller foreign = new Caller("other-app-user", Set.of(), scope("430000", null, null, null));

        assertThat(AccessPolicy.maySee(foreign, XIANGTAN_COUNTY_HOSPITAL)).isFalse();
    }

    @Test
    void several_scope_claims_see_their_union() {
        Caller caller = caller(Role.INSURANCE_OFFICER, scope(null, "430800", null, "H430321001"));

        assertThat(AccessPolicy.maySee(caller, XIANGTAN_COUNTY_HOSPITAL)).isTrue();
        assertThat(AccessPolicy.maySee(caller, YONGDING_TOWNSHIP_CENTRE)).isTrue();
        assertThat(AccessPolicy.maySee(caller, division("430321101"))).isFalse();
    }

    private static Caller caller(Role role, Scope scope) {
        return new Caller("user-1", Set.of(role), scope);
    }

    private static Scope scope(String province, String city, String alliance, String institution) {
        return Scope.fromClaims(Optional.ofNullable(province), Optional.ofNullable(city), Optional.ofNullable(alliance),
                Optional.ofNullable(institution));
    }

    private static Jurisdiction division(String code) {
        return Jurisdiction.ofDivision(DivisionCode.of(code));
    }
}
