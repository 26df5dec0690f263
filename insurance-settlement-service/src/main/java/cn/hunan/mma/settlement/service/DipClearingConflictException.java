package cn.hunan.mma.settlement.service;

/** A DIP clearing that cannot be made: already made, or no case of the year can be valued (HTTP 409). */
public class DipClearingConflictException extends RuntimeException {

    private final String title;

    public DipClearingConflictException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
