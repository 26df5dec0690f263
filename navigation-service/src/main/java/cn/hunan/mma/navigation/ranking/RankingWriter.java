package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

/**
 * Where a ranking is written as it is explained: candidate by candidate, best first, each followed
 * by its reasons, each reason in parts (text and whole numbers). The recommender writes an answer
 * straight into one, so the endpoints' JSON ({@code RankingJson}) is written without first
 * building every candidate and every reason as objects and strings — which was half of what an
 * answer allocated. {@link Recommender#recommend} collects {@link Candidate}s through one.
 */
public interface RankingWriter {

    /**
     * Starts a candidate; its reasons follow, then {@link #endCandidate()}.
     *
     * @param openSlots open slots in the caller's channel on live figures, or -1 when there are none
     */
    void startCandidate(InstitutionId institutionId, String institutionName, Level level, DepartmentId departmentId,
                        String departmentName, SpecialtyTag tag, double score, int openSlots);

    /** Starts a reason of the current candidate; its parts follow, then {@link #endReason()}. */
    RankingWriter reason();

    /** A piece of text of the current reason. */
    RankingWriter text(String part);

    /** A whole number of the current reason, in decimal digits. */
    RankingWriter number(long part);

    void endReason();

    void endCandidate();
}
