package cn.hunan.mma.benchmark.workload;

import cn.hunan.mma.benchmark.load.PlannedQuery;
import cn.hunan.mma.simulator.events.clinical.DiseaseMix;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class QueryMixTest {

    private static final DiseaseMix DISEASES = new DiseaseMix(ReferenceData.bundled().diagnoses(), XiangtanMatrix.PROVINCE.catalogue());
    private static final Pattern DEPARTMENT = Pattern.compile("department=([a-z-]+)");
    private static final Pattern CURRENT = Pattern.compile("currentInstitution=([0-9A-Z]+)");

    private final QueryMix mix = new QueryMix(XiangtanMatrix.AREA, DISEASES, QueryMix.Shares.DEFAULT, id -> "token-of-" + id);

    @Test
    void asks_only_for_departments_that_exist_in_the_area() {
        Set<String> departments = XiangtanMatrix.AREA.institutions().stream().flatMap(i -> i.departments().stream())
                .map(Department::id).collect(Collectors.toSet());

        List<PlannedQuery> queries = mix.draw(2000, 7);

        assertThat(queries).hasSize(2000).allSatisfy(query -> {
            Matcher department = DEPARTMENT.matcher(query.pathAndQuery());
            assertThat(department.find()).isTrue();
            assertThat(departments).contains(department.group(1));
        });
    }

    @Test
    void referral_queries_come_from_a_doctor_of_the_area_with_that_doctors_token() {
        Set<String> institutions = XiangtanMatrix.AREA.institutions().stream().map(Institution::id).collect(Collectors.toSet());

        List<PlannedQuery> referrals = mix.draw(2000, 7).stream()
                .filter(q -> q.pathAndQuery().startsWith("/api/v1/navigation/referral-recommendations?")).toList();

        // 20% of 2,000 ± a generous margin for chance.
        assertThat(referrals.size()).isBetween(320, 480);
        assertThat(referrals).allSatisfy(query -> {
            Matcher current = CURRENT.matcher(query.pathAndQuery());
            assertThat(current.find()).isTrue();
            assertThat(institutions).contains(current.group(1));
            assertThat(query.bearerToken()).contains("token-of-" + current.group(1));
        });
    }

    @Test
    void public_queries_carry_no_token_and_place_the_patient_in_hunan() {
        List<PlannedQuery> publicQueries = mix.draw(500, 7).stream()
                .filter(q -> q.pathAndQuery().startsWith("/api/v1/navigation/recommendations?")).toList();

        assertThat(publicQueries).isNotEmpty().allSatisfy(query -> {
            assertThat(query.bearerToken()).isEmpty();
            assertThat(query.pathAndQuery()).containsAnyOf("division=4303", "lat=");
        });
    }

    @Test
    void the_same_seed_gives_the_same_queries() {
        assertThat(mix.draw(300, 11)).isEqualTo(mix.draw(300, 11)).isNotEqualTo(mix.draw(300, 12));
    }
}
