package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.domain.population.OutOfAreaEpisodes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the covered residents' settled inpatient episodes were treated: in the counties the alliance covers, or outside them
 * (the out-of-area referral rate of DOMAIN.md §6, read from the same rows as the spend).
 */
@ApplicationScoped
public class OutOfAreaCare {

    // The other stays of the period's referral episodes (the CTE period_stays), discharged outside the period.
    private static final String EPISODES_OTHER_STAYS = "SELECT o.episode_id, o.institution_id, o.discharge_date FROM case_settlement o "
            + "WHERE NOT o.superseded AND o.episode_id IN (SELECT episode_id FROM period_stays WHERE episode_id IS NOT NULL) "
            + "AND (o.discharge_date < $2 OR o.discharge_date >= $3)";

    // The covered residents' episodes with a stay discharged in the period [$2, $3), each with all its stays: the
    // stays the one referral episode links, or a stay without one. The period's stays are found by the spend index
    // (residence counties $1, residence prefixes $4); their episodes' other stays by the episode index.
    private static final String EPISODE_STAYS = "WITH period_stays AS (SELECT discharge_event_id, episode_id, institution_id, "
            + "discharge_date FROM case_settlement WHERE " + SpendService.STAYS_IN_PERIOD + "), "
            + "stays AS (SELECT coalesce(episode_id, discharge_event_id::text) AS episode, institution_id, discharge_date "
            + "FROM period_stays UNION ALL " + EPISODES_OTHER_STAYS + ") ";

    // An episode counts in the period its last stay was discharged in, with all its stays: one straddling two periods
    // counts once, in the later, and is outside there even when its stay outside fell in the earlier one. It is outside
    // when any of its stays was at an institution whose county is none of the covered ones ($1), unplaced when any
    // stay's institution has no known division — never guessed. An outside episode with an unplaced stay counts as
    // unplaced only.
    private static final String EPISODES = EPISODE_STAYS
            + "SELECT count(*), count(*) FILTER (WHERE outside AND NOT unplaced), count(*) FILTER (WHERE unplaced) FROM ("
            + "SELECT s.episode, coalesce(bool_or(left(i.division_code, 6) <> ALL($1::text[])), FALSE) AS outside, "
            + "bool_or(i.division_code IS NULL) AS unplaced FROM stays s LEFT JOIN institution i ON i.id = s.institution_id "
            + "GROUP BY s.episode HAVING max(s.discharge_date) < $3) AS episodes";

    // A partner's ($5) kept-in-area cases: the covered residents' episodes in which a stay at the partner was followed,
    // on a later day, by a stay at an institution of a covered county that is none of the close's partners ($6) — the
    // patient it treated went home to the county's care (a down-referral, 下转), not back to it or to another partner.
    // An episode counts once per partner, in the period of its first such homecoming: extended by a later stay, it is
    // not paid again. A stay at an institution the matrix has not placed is not a homecoming (never guessed). Only the
    // stays of referral episodes can be followed by another, so only they are read.
    // Written without a join whose method depends on how many stays PostgreSQL expects: for an alliance covering
    // townships it expects a few dozen (the residence prefix and the county taken as independent), and a semi-join and
    // a self-join of the episodes' stays planned as nested loops over thousands took 11–22 s a close (2026-11-25). Each
    // stay is marked (at a partner? a homecoming?) and the first homecoming after it is read off the episode's stays in
    // date order (a window): one sort, whatever the estimate.
    private static final String KEPT_IN_AREA = "WITH period_stays AS (SELECT episode_id, institution_id, discharge_date "
            + "FROM case_settlement WHERE " + SpendService.STAYS_IN_PERIOD + " AND episode_id IS NOT NULL), "
            + "linked AS (SELECT episode_id, institution_id, discharge_date FROM period_stays UNION ALL " + EPISODES_OTHER_STAYS + "), "
            + "marked AS (SELECT l.episode_id, l.institution_id, l.discharge_date, l.institution_id = ANY($5::text[]) AS at_partner, "
            + "(l.institution_id <> ALL($6::text[]) AND left(i.division_code, 6) = ANY($1::text[])) AS home "
            + "FROM linked l LEFT JOIN institution i ON i.id = l.institution_id), "
            + "following AS (SELECT institution_id, episode_id, at_partner, min(discharge_date) FILTER (WHERE home) OVER ("
            + "PARTITION BY episode_id ORDER BY discharge_date RANGE BETWEEN '1 day'::interval FOLLOWING AND UNBOUNDED FOLLOWING) AS next_home "
            + "FROM marked), "
            + "homecomings AS (SELECT institution_id AS partner, episode_id, min(next_home) AS home FROM following "
            + "WHERE at_partner AND next_home IS NOT NULL GROUP BY institution_id, episode_id) "
            + "SELECT partner, count(*) FROM homecomings WHERE home >= $2 AND home < $3 GROUP BY partner";

    private final CoveredResidentReads reads;

    public OutOfAreaCare(CoveredResidentReads reads) {
        this.reads = reads;
    }

    /**
     * Each partner's kept-in-area cases in the period (zero for one with none): the covered residents' episodes whose
     * first homecoming to a covered county after a stay at the partner fell in the period.
     *
     * @param partners    those to count for
     * @param allPartners every partner of the close: a stay at one of them is no homecoming
     */
    public Uni<Map<String, Long>> keptInArea(List<String> coveredDivisions, Period period, LocalDate until, List<String> partners,
                                            List<String> allPartners) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        Tuple where = SpendService.covered(coveredDivisions, from, until).addValue(partners.toArray(String[]::new))
                .addValue(allPartners.toArray(String[]::new));
        return reads.execute(KEPT_IN_AREA, where).map(rows -> {
            Map<String, Long> kept = new TreeMap<>();
            partners.forEach(partner -> kept.put(partner, 0L));
            rows.forEach(row -> kept.put(row.getString(0), row.getLong(1)));
            return kept;
        });
    }

    /**
     * The episodes whose last stay was discharged from the period's start until the day before {@code until} (its end,
     * or a dissolution), with their stays before it.
     */
    public Uni<OutOfAreaEpisodes> episodes(List<String> coveredDivisions, Period period, LocalDate until) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        return reads.execute(EPISODES, SpendService.covered(coveredDivisions, from, until)).map(rows -> {
            Row row = rows.iterator().next();
            return new OutOfAreaEpisodes(row.getLong(0), row.getLong(1), row.getLong(2));
        });
    }
}
