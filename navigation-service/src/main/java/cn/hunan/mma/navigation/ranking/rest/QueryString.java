package cn.hunan.mma.navigation.ranking.rest;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;

/**
 * Reads the parameters of a raw query string exactly as Vert.x's {@code RoutingContext.queryParams()}
 * does — Netty's {@link QueryStringDecoder} with its defaults: {@code &} and {@code ;} separate
 * pairs, {@code #} ends the query, a leading {@code =} of a pair is skipped, a pair without a name
 * is dropped, {@code %XX} and {@code +} are decoded (UTF-8; a malformed escape anywhere is an
 * {@link IllegalArgumentException}), and names match ignoring ASCII case — but without building a
 * map and a list per parameter for every request: a component is decoded (and copied) only when it
 * is a wanted value or its text needs decoding.
 */
final class QueryString {

    /** Receives the wanted parameters: {@link #wanted} says which by name, {@link #accept} takes a value. */
    interface Parameters {

        /** The slot of the parameter named {@code text[from, to)} (decoded), or -1 when it is not wanted. */
        int wanted(String text, int from, int to);

        /** Whether the parameter in this slot has had its (first) value already. */
        boolean has(int slot);

        void accept(int slot, String value);
    }

    private QueryString() {
    }

    // Netty's default: parameters past this many are not read.
    private static final int MOST_PARAMETERS = 1024;

    /** Reads the query of a request target ({@code /path?query}); nothing when it has none. */
    static void readUri(String uri, Parameters into) {
        int pathEnd = 0;
        while (pathEnd < uri.length() && uri.charAt(pathEnd) != '?' && uri.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        if (pathEnd < uri.length() && uri.charAt(pathEnd) == '?') {
            read(uri, pathEnd + 1, into);
        }
    }

    private static void read(String query, int from, Parameters into) {
        int nameStart = from;
        int valueStart = -1;
        int left = MOST_PARAMETERS;
        int i = from;
        loop:
        for (; i < query.length(); i++) {
            switch (query.charAt(i)) {
                case '=' -> {
                    if (nameStart == i) {
                        nameStart = i + 1;
                    } else if (valueStart < nameStart) {
                        valueStart = i + 1;
                    }
                }
                case '&', ';' -> {
                    if (pair(query, nameStart, valueStart, i, into) && --left == 0) {
                        return;
                    }
                    nameStart = i + 1;
                }
                case '#' -> {
                    break loop;
                }
                default -> {
                    // part of a name or value
                }
            }
        }
        pair(query, nameStart, valueStart, i, into);
    }

    /** One name=value pair; false when it has no name (Netty drops it, and does not count it). */
    private static boolean pair(String query, int nameStart, int valueStart, int valueEnd, Parameters into) {
        if (nameStart >= valueEnd) {
            return false;
        }
        if (valueStart <= nameStart) {
            valueStart = valueEnd + 1;
        }
        int nameEnd = valueStart - 1;
        int slot;
        if (needsDecoding(query, nameStart, nameEnd)) {
            String name = QueryStringDecoder.decodeComponent(query.substring(nameStart, nameEnd), StandardCharsets.UTF_8);
            slot = into.wanted(name, 0, name.length());
        } else {
            slot = into.wanted(query, nameStart, nameEnd);
        }
        boolean decode = valueStart < valueEnd && needsDecoding(query, valueStart, valueEnd);
        if (slot >= 0 && !into.has(slot)) {
            String value = valueStart >= valueEnd ? "" : query.substring(valueStart, valueEnd);
            into.accept(slot, decode ? QueryStringDecoder.decodeComponent(value, StandardCharsets.UTF_8) : value);
        } else if (decode) {
            // Vert.x decodes every value, so a malformed escape in any of them refuses the request.
            QueryStringDecoder.decodeComponent(query.substring(valueStart, valueEnd), StandardCharsets.UTF_8);
        }
        return true;
    }

    private static boolean needsDecoding(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '+') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text[from, to)} is {@code name}, ignoring ASCII case (as Vert.x's case-insensitive multimap). */
    static boolean isName(String name, String text, int from, int to) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (asciiLower(text.charAt(from + i)) != asciiLower(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
