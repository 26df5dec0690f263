package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;

/**
 * Scores one prospect term by term under a {@link RankingPolicy}, writing down why when the card
 * explains. Points and reasons come from the same terms, so a candidate's score is exactly the
 * points it was ranked by.
 */
final class CandidateScorer {

    private final RankingPolicy policy;

    CandidateScorer(RankingPolicy policy) {
        this.policy = policy;
    }

    /** The prospect's points alone: enough to rank it, without the cost of writing reasons. */
    double points(Prospects prospects, int i, Resolution.Accepted need) {
        ScoreCard card = prospects.card().forPointsOnly();
        terms(card, prospects, i, need);
        return card.points();
    }

    /**
     * Writes the prospect as a candidate: its facts, the points it was ranked by and the reason for
     * each term, worked out by the same terms in the same order as its points.
     */
    void explain(Prospects prospects, int i, Resolution.Accepted need, RankingWriter writer) {
        Offering offering = prospects.offering(i);
        writer.startCandidate(offering.institution().institutionId(), offering.institution().name(),
                offering.institution().level(), offering.department().departmentId(), offering.department().name(),
                offering.department().tag(), prospects.points(i),
                prospects.figures(i) == Prospects.Figures.LIVE ? prospects.openSlots(i) : -1);
        terms(prospects.card().explainingTo(writer), prospects, i, need);
        writer.endCandidate();
    }

    // The terms are added in this order, always: the points are a floating-point sum.
    private void terms(ScoreCard card, Prospects prospects, int i, Resolution.Accepted need) {
        level(card, prospects, i, need.target());
        tag(card, prospects.department(i).tag());
        slots(card, prospects, i, need.caller());
        nearness(card, prospects.kilometres(i));
        if (prospects.peers(i) >= 2) {
            load(card, prospects, i);
        }
    }

    private void level(ScoreCard card, Prospects prospects, int i, TargetLevel target) {
        int above = target.levelsAbove(prospects.institution(i).level());
        card.add(-policy.levelStep() * above);
        if (card.explaining()) {
            RankingWriter reason = card.reason();
            if (above != 0) {
                reason.number(above).text(above == 1 ? " level above" : " levels above");
            } else {
                reason.text("at");
            }
            reason.text(" the target level ").text(String.valueOf(target.level()))
                    .text(" (").text(target.basis()).text(")").endReason();
        }
    }

    private void tag(ScoreCard card, SpecialtyTag tag) {
        card.add(policy.tagPoints(tag));
        if (card.explaining()) {
            card.reason().text(switch (tag) {
                case KEY -> "key specialty (重点专科)";
                case ADVANTAGE -> "advantage specialty (优势专科)";
                case CHARACTERISTIC -> "characteristic specialty (特色专科)";
                case ORDINARY -> "ordinary department";
            }).endReason();
        }
    }

    private void slots(ScoreCard card, Prospects prospects, int i, CallerKind caller) {
        String channel = caller == CallerKind.REFERRING_DOCTOR ? "referral" : "public";
        switch (prospects.figures(i)) {
            case NONE -> {
                card.add(0);
                if (card.explaining()) {
                    card.reason().text("no live slot figures").endReason();
                }
            }
            case STALE -> {
                card.add(0);
                if (card.explaining()) {
                    card.reason().text("slot figures stale (last update ").number(prospects.staleMinutes(i))
                            .text(" min ago)").endReason();
                }
            }
            case LIVE -> {
                int open = prospects.openSlots(i);
                card.add(open == 0 ? 0 : policy.openSlots());
                if (card.explaining()) {
                    RankingWriter reason = card.reason();
                    if (open == 0) {
                        reason.text("no ");
                    } else {
                        reason.number(open).text(" ");
                    }
                    reason.text(channel).text(" slots open").endReason();
                }
            }
        }
    }

    private void nearness(ScoreCard card, double km) {
        if (Double.isNaN(km)) {
            card.add(0);
            if (card.explaining()) {
                card.reason().text("distance unknown").endReason();
            }
            return;
        }
        card.add(policy.nearnessPoints(km));
        if (card.explaining()) {
            // One decimal by plain arithmetic: String.format was a tenth of the service's time in the benchmark.
            long tenths = Math.round(km * 10);
            card.reason().number(tenths / 10).text(".").number(tenths % 10).text(" km away").endReason();
        }
    }

    private void load(ScoreCard card, Prospects prospects, int i) {
        double ratio = prospects.loadRatio(i);
        double busiest = prospects.busiestPeerRatio(i);
        card.add(policy.loadSpreading() * (busiest - ratio));
        if (card.explaining()) {
            card.reason().number(Math.round(ratio * 100)).text("% booked, against ").number(Math.round(busiest * 100))
                    .text("% at the busiest of ").number(prospects.peers(i)).text(" same-city peers").endReason();
        }
    }
}
