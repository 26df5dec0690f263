package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One referral request and its lifecycle; the key of the referral topic. */
public record ReferralId(@JsonValue String value) {

    public static final String PATTERN = IdFormat.PATTERN;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReferralId {
        IdFormat.requireCode(value, "referral id");
    }

    public static ReferralId of(String value) {
        return new ReferralId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
