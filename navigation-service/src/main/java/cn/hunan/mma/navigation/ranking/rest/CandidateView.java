package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.Candidate;

import java.util.List;

/** One recommended department as the API shows it, best first in the list. */
public record CandidateView(String institutionId, String institutionName, Level level, String departmentId,
                            String departmentName, SpecialtyTag tag, double score, List<String> reasons) {

    static CandidateView of(Candidate candidate) {
        return new CandidateView(candidate.institutionId().value(), candidate.institutionName(), candidate.level(),
                candidate.departmentId().value(), candidate.departmentName(), candidate.tag(), candidate.score(),
                candidate.reasons());
    }
}
