package cn.hunan.mma.navigation.ranking;

import java.util.ArrayList;
import java.util.List;

/** Adds up a candidate's points and keeps, for each term, the reason a person can read. */
final class ScoreCard {

    private double points;
    private final List<String> reasons = new ArrayList<>();

    ScoreCard add(double termPoints, String reason) {
        points += termPoints;
        reasons.add(reason);
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
