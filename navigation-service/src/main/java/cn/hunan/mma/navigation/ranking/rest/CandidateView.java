package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.Candidate;

import java.util.List;

/**
 * One recommended department as the API shows it, best first in the list: the documented shape
 * (OpenAPI) that {@link RankingJson} writes.
 *
 * @param openSlots slots open in the caller's channel over the horizon on live figures; null when
 *                  the department reports none or its figures are stale
 */
public record CandidateView(String institutionId, String institutionName, Level level, String departmentId,
                            String departmentName, SpecialtyTag tag, double score, List<String> reasons,
                            Integer openSlots) {

    static CandidateView of(Candidate candidate) {
        return new CandidateView(candidate.institutionId().value(), candidate.institutionName(), candidate.level(),
                candidate.departmentId().value(), candidate.departmentName(), candidate.tag(), candidate.score(),
                candidate.reasons(),
                candidate.openSlots().isPresent() ? Integer.valueOf(candidate.openSlots().getAsInt()) : null);
    }
}
