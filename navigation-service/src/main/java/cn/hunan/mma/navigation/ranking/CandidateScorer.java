package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.navigation.capacity.DepartmentAvailability;
import cn.hunan.mma.navigation.capacity.SlotAvailability;

import java.util.Optional;
import java.util.OptionalInt;

/** Scores one prospect term by term under a {@link RankingPolicy}, writing down why. */
final class CandidateScorer {

    private final RankingPolicy policy;

    CandidateScorer(RankingPolicy policy) {
        this.policy = policy;
    }

    /** The prospect's points alone: enough to rank it, without the cost of writing reasons. */
    double points(Prospect prospect, Resolution.Accepted need, LoadPeers peers) {
        ScoreCard card = ScoreCard.pointsOnly();
        terms(card, prospect, need, peers);
        return card.points();
    }

    /** The prospect as a candidate, with its points and the reason for each term. */
    Candidate score(Prospect prospect, Resolution.Accepted need, LoadPeers peers) {
        ScoreCard card = ScoreCard.explaining();
        OptionalInt openSlots = terms(card, prospect, need, peers);
        return new Candidate(prospect.institution().institutionId(), prospect.institution().name(),
                prospect.institution().level(), prospect.department().departmentId(), prospect.department().name(),
                prospect.department().tag(), card.points(), card.reasons(), openSlots);
    }

    /** Adds every term to the card; returns the open slots the slot term was based on. */
    private OptionalInt terms(ScoreCard card, Prospect prospect, Resolution.Accepted need, LoadPeers peers) {
        level(card, prospect, need.target());
        tag(card, prospect.department().tag());
        OptionalInt openSlots = slots(card, prospect, need.caller());
        nearness(card, prospect);
        peers.of(prospect).ifPresent(load -> load(card, load));
        return openSlots;
    }

    private void level(ScoreCard card, Prospect prospect, TargetLevel target) {
        int above = target.levelsAbove(prospect.institution().level());
        card.add(-policy.levelStep() * above, () -> above == 0
                ? "at the target level " + target.level() + " (" + target.basis() + ")"
                : above + (above == 1 ? " level" : " levels") + " above the target level " + target.level()
                        + " (" + target.basis() + ")");
    }

    private void tag(ScoreCard card, SpecialtyTag tag) {
        card.add(policy.tagPoints(tag), () -> switch (tag) {
            case KEY -> "key specialty (重点专科)";
            case ADVANTAGE -> "advantage specialty (优势专科)";
            case CHARACTERISTIC -> "characteristic specialty (特色专科)";
            case ORDINARY -> "ordinary department";
        });
    }

    /** Adds the slot term; returns the open slots it was based on, if live figures exist. */
    private OptionalInt slots(ScoreCard card, Prospect prospect, CallerKind caller) {
        String channel = caller == CallerKind.REFERRING_DOCTOR ? "referral" : "public";
        Optional<DepartmentAvailability> figures = prospect.slots();
        if (figures.isEmpty()) {
            card.add(0, () -> "no live slot figures");
            return OptionalInt.empty();
        }
        if (figures.get().freshness().stale()) {
            card.add(0, () -> "slot figures stale (last update " + figures.get().freshness().age().toMinutes()
                    + " min ago)");
            return OptionalInt.empty();
        }
        SlotAvailability slots = caller == CallerKind.REFERRING_DOCTOR
                ? figures.get().referralSlots()
                : figures.get().publicSlots();
        if (slots.available() == 0) {
            card.add(0, () -> "no " + channel + " slots open");
        } else {
            card.add(policy.openSlots(), () -> slots.available() + " " + channel + " slots open");
        }
        return OptionalInt.of(slots.available());
    }

    private void nearness(ScoreCard card, Prospect prospect) {
        if (prospect.kilometres().isEmpty()) {
            card.add(0, () -> "distance unknown");
            return;
        }
        double km = prospect.kilometres().getAsDouble();
        card.add(policy.nearnessPoints(km), () -> oneDecimal(km) + " km away");
    }

    private void load(ScoreCard card, LoadPeers.PeerLoad load) {
        card.add(policy.loadSpreading() * (load.busiestRatio() - load.ratio()),
                () -> Math.round(load.ratio() * 100) + "% booked, against " + Math.round(load.busiestRatio() * 100)
                        + "% at the busiest of " + load.peers() + " same-city peers");
    }

    // Plain arithmetic rather than String.format, which was a tenth of the service's time in the benchmark.
    private static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
