package cn.hunan.mma.navigation.ranking;

/**
 * Adds up a candidate's points and, when explaining, has the reason for each term written (to a
 * {@link RankingWriter}). Every prospect near the patient is scored to find the best, but only
 * those answered are explained: the scorer writes a reason only when {@link #explaining()}, since
 * formatting text is the costly part of scoring. Cards are reused, prospect after prospect.
 */
final class ScoreCard {

    private double points;
    private RankingWriter writer;

    /** Starts the card over for a prospect whose reasons are not wanted. */
    ScoreCard forPointsOnly() {
        points = 0;
        writer = null;
        return this;
    }

    /** Starts the card over for a prospect explained to the writer. */
    ScoreCard explainingTo(RankingWriter reasons) {
        points = 0;
        writer = reasons;
        return this;
    }

    void add(double termPoints) {
        points += termPoints;
    }

    boolean explaining() {
        return writer != null;
    }

    /** Starts writing the reason of a term; only while {@link #explaining()}. */
    RankingWriter reason() {
        return writer.reason();
    }

    /** Rounded to hundredths, so equal standings compare equal despite floating-point sums. */
    double points() {
        return Math.round(points * 100) / 100.0;
    }
}
