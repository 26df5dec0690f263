package cn.hunan.mma.scoring.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * One page of a ranking.
 *
 * @param total   how many entities were ranked (those with a score by the criterion)
 * @param entries this page, best first; equal values share a rank ("1, 2, 2, 4")
 */
public record Ranking(String kind, String period, String by, String ruleVersion, int total, int page, int size, List<Entry> entries) {

    /** @param rank null in an instance's unranked part (see {@code RankingsResource}) */
    public record Entry(Integer rank, String id, String name, BigDecimal value) {
    }
}
