package cn.hunan.mma.settlement.service;

import cn.hunan.mma.settlement.domain.parameters.SeedParameters;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review counts as the table holds them — what a fresh start would load into {@link ReviewCounts}, read with the
 * load query itself — and rule areas of the tests' own, so that no other test's cases share their counts.
 */
final class TableCounts {

    private TableCounts() {
    }

    /** {cases, reviews} of the key's standing rows, by {@link CaseSettlementService#COUNTS}; zeros when none stands. */
    static long[] of(Pool pool, ReviewCounts.Key key) {
        long[] found = new long[2];
        pool.preparedQuery(CaseSettlementService.COUNTS).execute(Tuple.of(key.year(), key.method()))
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> {
                    if (row.getString(0).equals(key.area())) {
                        found[0] = row.getLong(1);
                        found[1] = row.getLong(2);
                    }
                });
        return found;
    }

    /** The seed's rules for {@code area} from 2020 (version {@code area/2020-01-01}), with their own DRG review cap. */
    static void areaRules(Pool pool, String area, BigDecimal drgReviewCap) {
        String seedCap = "\"drgReviewCap\":0.05";
        assertThat(SeedParameters.json()).contains(seedCap);
        pool.preparedQuery("INSERT INTO area_parameters (version_id, area, effective_from, parameters_json, loaded_by, loaded_at) "
                        + "VALUES ($1, $2, DATE '2020-01-01', $3, 'test', now()) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(area + "/2020-01-01", area,
                        SeedParameters.json().replace(seedCap, "\"drgReviewCap\":" + drgReviewCap.toPlainString())))
                .await().atMost(Duration.ofSeconds(10));
    }
}
