package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.domain.population.OutOfAreaEpisodes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the covered residents' settled inpatient episodes were treated: in the counties the alliance covers, or outside them
 * (the out-of-area referral rate of DOMAIN.md §6, read from the same rows as the spend).
 */
@ApplicationScoped
public class OutOfAreaCare {

    // An episode (the stays one referral episode links, or a stay without one) is outside when any of its stays was
    // at an institution whose county is none of the covered ones ($1), unplaced when any stay's institution has no
    // known division — never guessed. An outside episode with an unplaced stay counts as unplaced only.
    private static final String EPISODES = "SELECT count(*), count(*) FILTER (WHERE outside AND NOT unplaced), "
            + "count(*) FILTER (WHERE unplaced) FROM ("
            + "SELECT coalesce(c.episode_id, c.discharge_event_id::text) AS episode, "
            + "coalesce(bool_or(left(i.division_code, 6) <> ALL($1::text[])), FALSE) AS outside, "
            + "bool_or(i.division_code IS NULL) AS unplaced "
            + "FROM case_settlement c LEFT JOIN institution i ON i.id = c.institution_id "
            + "WHERE NOT c.superseded AND c.residence_county = ANY($1::text[]) AND c.discharge_date >= $2 "
            + "AND c.discharge_date < $3 AND c.residence_division LIKE ANY($4::text[]) GROUP BY 1) AS episodes";

    private final Pool pool;

    public OutOfAreaCare(Pool pool) {
        this.pool = pool;
    }

    /** The episodes of the stays discharged from the period's start until the day before {@code until} (its end, or a dissolution). */
    public Uni<OutOfAreaEpisodes> episodes(List<String> coveredDivisions, Period period, LocalDate until) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        return pool.preparedQuery(EPISODES).execute(SpendService.covered(coveredDivisions, from, until)).map(rows -> {
            Row row = rows.iterator().next();
            return new OutOfAreaEpisodes(row.getLong(0), row.getLong(1), row.getLong(2));
        });
    }
}
