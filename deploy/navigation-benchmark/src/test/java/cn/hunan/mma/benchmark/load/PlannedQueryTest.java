package cn.hunan.mma.benchmark.load;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlannedQueryTest {

    @Test
    void a_query_survives_the_queries_file_with_and_without_a_token() {
        PlannedQuery publicQuery = new PlannedQuery("/api/v1/navigation/recommendations?department=cardiology&division=430321", Optional.empty());
        PlannedQuery referral = new PlannedQuery("/api/v1/navigation/referral-recommendations?department=neurology&division=430321",
                Optional.of("eyJ.a.b"));

        assertThat(PlannedQuery.parse(publicQuery.toLine())).isEqualTo(publicQuery);
        assertThat(PlannedQuery.parse(referral.toLine())).isEqualTo(referral);
    }
}
