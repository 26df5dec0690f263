package cn.hunan.mma.navigation.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Adds up a candidate's points and, when explaining, keeps for each term the reason a person can
 * read. Reasons are supplied lazily: every prospect near the patient is scored to find the best,
 * but only those answered are explained, and formatting text is the costly part of scoring.
 */
final class ScoreCard {

    private final boolean explaining;
    private double points;
    private final List<String> reasons;

    private ScoreCard(boolean explaining) {
        this.explaining = explaining;
        this.reasons = explaining ? new ArrayList<>(6) : List.of();
    }

    /** A card that keeps the reasons. */
    static ScoreCard explaining() {
        return new ScoreCard(true);
    }

    /** A card that only adds up points. */
    static ScoreCard pointsOnly() {
        return new ScoreCard(false);
    }

    ScoreCard add(double termPoints, Supplier<String> reason) {
        points += termPoints;
        if (explaining) {
            reasons.add(reason.get());
        }
        return this;
    }

    /** Rounded to hundredths, so equal standings compare equal despite floating-point sums. */
    double points() {
        return Math.round(points * 100) / 100.0;
    }

    List<String> reasons() {
        return List.copyOf(reasons);
    }
}
