package cn.hunan.mma.navigation.registry.domain;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceSnapshot;

import java.util.Optional;

/**
 * The operator's side of the dissolution convention ({@link AllianceDissolution}, shared-events): an
 * alliance of its lead alone, covering no division and with no tertiary partner, is how a dissolution
 * is published, so a form or revision may not take that shape — consumers reading the topic alone
 * could not tell it from a dissolution.
 */
public final class ReservedAllianceShape {

    public static final String RESERVED_FOR_DISSOLUTION = "RESERVED_FOR_DISSOLUTION";

    private ReservedAllianceShape() {
    }

    /** The violation when a proposed form or revision has the shape that means "dissolved". */
    public static Optional<RuleViolation> problem(AllianceSnapshot proposed) {
        return AllianceDissolution.isDissolved(proposed) ? Optional.of(new RuleViolation("coveredDivisions", RESERVED_FOR_DISSOLUTION,
                "an alliance of its lead alone covering no division is how a dissolution is published;"
                        + " cover a division, add a member, or dissolve the alliance with DELETE")) : Optional.empty();
    }
}
