package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** A ranking written as {@link Candidate}s, their reasons as strings: the recommender's answer as values. */
final class CandidateList implements RankingWriter {

    private final List<Candidate> candidates = new ArrayList<>();
    private final StringBuilder reason = new StringBuilder();
    private List<String> reasons;
    private Candidate started;

    @Override
    public void startCandidate(InstitutionId institutionId, String institutionName, Level level, DepartmentId departmentId,
                               String departmentName, SpecialtyTag tag, double score, int openSlots) {
        reasons = new ArrayList<>(6);
        started = new Candidate(institutionId, institutionName, level, departmentId,
                departmentName, tag, score, List.of(), openSlots < 0 ? OptionalInt.empty() : OptionalInt.of(openSlots));
    }

    @Override
    public RankingWriter reason() {
        reason.setLength(0);
        return this;
    }

    @Override
    public RankingWriter text(String part) {
        reason.append(part);
        return this;
    }

    @Override
    public RankingWriter number(long part) {
        reason.append(part);
        return this;
    }

    @Override
    public void endReason() {
        reasons.add(reason.toString());
    }

    @Override
    public void endCandidate() {
        candidates.add(new Candidate(started.institutionId(), started.institutionName(), started.level(),
                started.departmentId(), started.departmentName(), started.tag(), started.score(), reasons,
                started.openSlots()));
    }

    List<Candidate> candidates() {
        return List.copyOf(candidates);
    }
}
