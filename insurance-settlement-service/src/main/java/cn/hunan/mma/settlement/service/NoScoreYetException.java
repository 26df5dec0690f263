package cn.hunan.mma.settlement.service;

/**
 * The factor method needs the alliance's composite score of the base year and none is stored yet (the scores topic
 * has not brought it): HTTP 409 until it has, or until the draft gives the adjustment.
 */
public class NoScoreYetException extends RuntimeException {
    public NoScoreYetException(String message) {
        super(message);
    }
}
