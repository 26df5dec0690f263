package cn.hunan.mma.settlement.service;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A close's reads over its covered residents are planned for their own values, on PostgreSQL itself; the rest of the
 * service's statements keep the server's default (the settling path's lookups gain nothing from re-planning).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class CoveredResidentReadsTest {

    private static final String PLAN_CACHE_MODE = "SELECT current_setting('plan_cache_mode') WHERE $1";

    @Inject
    CoveredResidentReads reads;

    @Inject
    Pool pool;

    @Test
    void a_covered_residents_read_is_planned_for_its_values_and_other_statements_as_the_server_decides() {
        // Many times over, on whichever pooled connections: the setting must hold for every run, and not leak.
        for (int run = 0; run < 8; run++) {
            assertThat(reads.execute(PLAN_CACHE_MODE, Tuple.of(true)).await().atMost(Duration.ofSeconds(30)).iterator().next()
                    .getString(0)).isEqualTo("force_custom_plan");
            assertThat(pool.preparedQuery(PLAN_CACHE_MODE).execute(Tuple.of(true)).await().atMost(Duration.ofSeconds(30))
                    .iterator().next().getString(0)).isEqualTo("auto");
        }
    }
}
