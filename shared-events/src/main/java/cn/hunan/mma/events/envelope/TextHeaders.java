package cn.hunan.mma.events.envelope;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/** UTF-8 text headers, one value per name: how every header of ours is written and read. */
final class TextHeaders {

    private TextHeaders() {
    }

    /** Replaces any earlier header of that name, so a re-sent record never carries two values. */
    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The last value of the header, or null when absent. */
    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
