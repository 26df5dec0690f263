package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.settlement.rules.distribution.Claimant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores a close freezes: the scorer's latest composites for the period where the service holds
 * them, the request's otherwise; or, for a what-if, the request's throughout. {@code source} says
 * which, and is frozen into the snapshot so a reader knows where F came from.
 *
 * @param source {@link #STORED}, {@link #REQUEST}, {@link #MIXED} or {@link #WHAT_IF}
 */
public record FrozenScores(List<Claimant> members, BigDecimal allianceScore, String source) {

    /** Every score came from the scores topic. */
    public static final String STORED = "stored";
    /** No stored score existed for the period: every score is the request's. */
    public static final String REQUEST = "request";
    /** Some scores are stored, the rest the request's. */
    public static final String MIXED = "stored+request";
    /** The request overrode the stored scores on purpose: a what-if, not the scorer's figures. */
    public static final String WHAT_IF = "what-if:request-overrides-stored";

    public FrozenScores {
        members = List.copyOf(members);
        Objects.requireNonNull(allianceScore, "allianceScore");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param storedMembers  latest stored composite by institution id (absent when none for the period)
     * @param storedAlliance the alliance's stored composite, or null
     * @param override       the request's scores win (what-if)
     */
    public static FrozenScores of(List<Claimant> requested, BigDecimal requestedAllianceScore,
                                  Map<String, BigDecimal> storedMembers, BigDecimal storedAlliance, boolean override) {
        if (override) {
            return new FrozenScores(requested, requestedAllianceScore, WHAT_IF);
        }
        int stored = 0;
        List<Claimant> members = new ArrayList<>(requested.size());
        for (Claimant claimant : requested) {
            BigDecimal score = storedMembers.get(claimant.institutionId().value());
            if (score != null) {
                stored++;
            }
            members.add(score == null ? claimant
                    : new Claimant(claimant.institutionId(), claimant.base(), score, claimant.primaryLevel()));
        }
        if (storedAlliance != null) {
            stored++;
        }
        int total = requested.size() + 1;
        String source = stored == total ? STORED : stored == 0 ? REQUEST : MIXED;
        return new FrozenScores(members, storedAlliance != null ? storedAlliance : requestedAllianceScore, source);
    }
}
