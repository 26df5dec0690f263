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

    // An episode (the stays one referral episode links, or a stay without one) counts in the period its last stay was
    // discharged in, with all its stays: one straddling two periods counts once, in the later, and is outside there
    // even when its stay outside fell in the earlier one. It is outside when any of its stays was at an institution
    // whose county is none of the covered ones ($1), unplaced when any stay's institution has no known division —
    // never guessed. An outside episode with an unplaced stay counts as unplaced only. The period's stays are found by
    // the spend index; their episodes' other stays by the episode index.
    private static final String EPISODES = "WITH period_stays AS (SELECT c.discharge_event_id, c.episode_id, c.institution_id, "
            + "c.discharge_date FROM case_settlement c WHERE NOT c.superseded AND c.residence_county = ANY($1::text[]) "
            + "AND c.discharge_date >= $2 AND c.discharge_date < $3 AND c.residence_division LIKE ANY($4::text[])), "
            + "stays AS (SELECT coalesce(episode_id, discharge_event_id::text) AS episode, institution_id, discharge_date "
            + "FROM period_stays UNION ALL SELECT o.episode_id, o.institution_id, o.discharge_date FROM case_settlement o "
            + "WHERE NOT o.superseded AND o.episode_id IN (SELECT episode_id FROM period_stays WHERE episode_id IS NOT NULL) "
            + "AND (o.discharge_date < $2 OR o.discharge_date >= $3)) "
            + "SELECT count(*), count(*) FILTER (WHERE outside AND NOT unplaced), count(*) FILTER (WHERE unplaced) FROM ("
            + "SELECT s.episode, coalesce(bool_or(left(i.division_code, 6) <> ALL($1::text[])), FALSE) AS outside, "
            + "bool_or(i.division_code IS NULL) AS unplaced FROM stays s LEFT JOIN institution i ON i.id = s.institution_id "
            + "GROUP BY s.episode HAVING max(s.discharge_date) < $3) AS episodes";

    private final Pool pool;

    public OutOfAreaCare(Pool pool) {
        this.pool = pool;
    }

    /**
     * The episodes whose last stay was discharged from the period's start until the day before {@code until} (its end,
     * or a dissolution), with their stays before it.
     */
    public Uni<OutOfAreaEpisodes> episodes(List<String> coveredDivisions, Period period, LocalDate until) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        return pool.preparedQuery(EPISODES).execute(SpendService.covered(coveredDivisions, from, until)).map(rows -> {
            Row row = rows.iterator().next();
            return new OutOfAreaEpisodes(row.getLong(0), row.getLong(1), row.getLong(2));
        });
    }
}
