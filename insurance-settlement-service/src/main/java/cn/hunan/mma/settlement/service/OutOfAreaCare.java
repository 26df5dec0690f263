package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.domain.population.OutOfAreaStays;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the covered residents' settled stays were treated: in the counties the alliance covers, or outside them
 * (the out-of-area referral rate of DOMAIN.md §6, read from the same rows as the spend).
 */
@ApplicationScoped
public class OutOfAreaCare {

    // A stay's institution is outside when its county is none of the covered ones ($1); an institution without a
    // known division is counted apart, never guessed.
    private static final String STAYS = "SELECT count(*), "
            + "count(*) FILTER (WHERE left(i.division_code, 6) <> ALL($1::text[])), "
            + "count(*) FILTER (WHERE i.division_code IS NULL) "
            + "FROM case_settlement c LEFT JOIN institution i ON i.id = c.institution_id "
            + "WHERE NOT c.superseded AND c.residence_county = ANY($1::text[]) AND c.discharge_date >= $2 "
            + "AND c.discharge_date < $3 AND c.residence_division LIKE ANY($4::text[])";

    private final Pool pool;

    public OutOfAreaCare(Pool pool) {
        this.pool = pool;
    }

    /** The stays discharged from the period's start until the day before {@code until} (its end, or a dissolution). */
    public Uni<OutOfAreaStays> stays(List<String> coveredDivisions, Period period, LocalDate until) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        return pool.preparedQuery(STAYS).execute(SpendService.covered(coveredDivisions, from, until)).map(rows -> {
            Row row = rows.iterator().next();
            return new OutOfAreaStays(row.getLong(0), row.getLong(1), row.getLong(2));
        });
    }
}
