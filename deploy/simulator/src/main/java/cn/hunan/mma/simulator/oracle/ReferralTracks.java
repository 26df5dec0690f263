package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Each referral's request and final state, kept until the whole file is read because a
 * referral's events arrive late and out of order. At the end every referral is counted once,
 * under its sender, in the month it was requested, by direction and final state.
 */
final class ReferralTracks {

    private final Map<ReferralId, Track> tracks = new HashMap<>();
    private final Months months;

    ReferralTracks(Months months) {
        this.months = months;
    }

    /** Takes one (deduplicated) lifecycle event into account. */
    void add(ReferralEvent event) {
        Track track = tracks.computeIfAbsent(event.referralId(), id -> new Track());
        if (event instanceof ReferralRequested request) {
            track.sender = request.sender().institutionId();
            track.direction = request.direction();
            track.requestMonth = months.of(request.occurredAt());
        }
        track.reach(ReferralState.reachedBy(event), event.occurredAt());
    }

    void finish(MatrixView matrix, Counters counters, DeliveryStats stats) {
        for (Track track : tracks.values()) {
            if (track.sender == null) {
                stats.referralWithoutRequest();
                continue;
            }
            Institution sender = matrix.institution(track.sender);
            if (sender == null) {
                stats.atUnknownInstitution(1);
                continue;
            }
            counters.add(sender.treatingScopes(), track.requestMonth, Slots.referrals(track.direction, track.finalState), 1);
        }
    }

    private static final class Track {
        private InstitutionId sender;
        private ReferralDirection direction;
        private int requestMonth;
        private ReferralState finalState;
        private Instant finalStateAt;

        /**
         * The furthest step along the lifecycle wins; two states at the same step (which the
         * state machine never produces for one referral) are settled by the later time, then by
         * the order {@link ReferralState} lists them, so the result never depends on arrival order.
         */
        void reach(ReferralState state, Instant at) {
            if (finalState == null || isLater(state, at)) {
                finalState = state;
                finalStateAt = at;
            }
        }

        private boolean isLater(ReferralState state, Instant at) {
            if (state.step() != finalState.step()) {
                return state.step() > finalState.step();
            }
            int byTime = at.compareTo(finalStateAt);
            return byTime != 0 ? byTime > 0 : state.ordinal() > finalState.ordinal();
        }
    }
}
