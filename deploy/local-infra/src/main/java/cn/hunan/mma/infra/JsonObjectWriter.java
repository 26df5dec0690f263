package cn.hunan.mma.infra;

import java.util.Collection;

/**
 * Just enough JSON for a JWT header and claim set (strings, whole numbers, string arrays), so the
 * minter needs no JSON library on a service's test classpath.
 */
final class JsonObjectWriter {

    private final StringBuilder json = new StringBuilder("{");

    JsonObjectWriter string(String name, String value) {
        name(name);
        quoted(value);
        return this;
    }

    JsonObjectWriter number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    JsonObjectWriter strings(String name, Collection<String> values) {
        name(name);
        json.append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                json.append(',');
            }
            quoted(value);
            first = false;
        }
        json.append(']');
        return this;
    }

    String end() {
        return json.append('}').toString();
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        quoted(name);
        json.append(':');
    }

    private void quoted(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
