package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Links the stays of one referred patient, so the deductible runs on (起付线连续计算). */
public record EpisodeId(@JsonValue String value) {

    public static final String PATTERN = IdFormat.PATTERN;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EpisodeId {
        IdFormat.requireCode(value, "episode id");
    }

    public static EpisodeId of(String value) {
        return new EpisodeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
