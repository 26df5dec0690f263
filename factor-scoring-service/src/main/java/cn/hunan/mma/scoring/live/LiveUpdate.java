package cn.hunan.mma.scoring.live;

import cn.hunan.mma.scoring.rest.Places;

/**
 * One change to push: a score or a surplus projection, already encoded once as the SSE data line,
 * with where it sits so each client's scope can be checked without decoding it again.
 *
 * @param kind         the SSE event name ({@code score} or {@code surplus})
 * @param key          the record's key on its topic (e.g. {@code ALLIANCE:CC-430321:2025-03})
 * @param places       where it sits: who may see it
 * @param json         the data line: one JSON object, no line breaks
 */
public record LiveUpdate(String kind, String key, Places places, String json) {

    public static final String SCORE = "score";
    public static final String SURPLUS = "surplus";
}
