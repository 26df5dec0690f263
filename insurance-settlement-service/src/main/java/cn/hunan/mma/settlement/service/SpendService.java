package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * An alliance's actual spend in a period, from the stored case settlements: the fund-payable
 * amounts of the standing cases of residents of its covered divisions discharged in the period,
 * wherever treated (out-of-area care is charged against the package, as in the budget's base).
 */
@ApplicationScoped
public class SpendService {

    // The county column narrows through the index; the prefix keeps a covered township or village exact.
    private static final String SPEND = "SELECT coalesce(sum(fund_payable_fen), 0), count(*) FROM case_settlement "
            + "WHERE NOT superseded AND residence_county = ANY($1::text[]) AND discharge_date >= $2 AND discharge_date < $3 "
            + "AND residence_division LIKE ANY($4::text[])";

    /** Fund-paid sum and case count. */
    public record Spend(Money amount, long cases) {
    }

    private final Pool pool;

    public SpendService(Pool pool) {
        this.pool = pool;
    }

    /** Counting the cases discharged from the period's start until the day before {@code until} (its end, or a dissolution). */
    public Uni<Spend> actualSpend(List<String> coveredDivisions, Period period, LocalDate until) {
        String[] counties = coveredDivisions.stream().map(division -> division.substring(0, 6)).distinct().toArray(String[]::new);
        String[] prefixes = coveredDivisions.stream().map(division -> division + "%").toArray(String[]::new);
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        return pool.preparedQuery(SPEND).execute(Tuple.of(counties, from, until, prefixes))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Spend(Money.ofFen(row.getLong(0)), row.getLong(1));
                });
    }
}
