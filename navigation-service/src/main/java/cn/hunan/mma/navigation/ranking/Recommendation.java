package cn.hunan.mma.navigation.ranking;

import java.util.List;

/** The recommender's answer: candidates best first, or why the request cannot be answered. */
public sealed interface Recommendation {

    /** Candidates best first; empty when the matrix has nobody suitable. */
    record Ranked(List<Candidate> candidates) implements Recommendation {
        public Ranked {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * @param field   the request field at fault, e.g. {@code diagnosis}, {@code location.division}
     * @param message what was expected, for a person to read
     */
    record Rejected(RejectionReason reason, String field, String message) implements Recommendation {
    }
}
