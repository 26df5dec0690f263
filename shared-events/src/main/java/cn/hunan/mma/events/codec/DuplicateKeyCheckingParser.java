package cn.hunan.mma.events.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a key repeated within one JSON object, at any depth (also inside objects the records
 * do not know and databind skips), as Jackson's {@code STRICT_DUPLICATE_DETECTION} does, but
 * without its per-object detector and {@code HashSet}: that cost a sixth of a decode's allocation.
 * The keys of all open objects share one array; a key is compared with its own object's keys
 * only (identity first: the parser hands out canonical names). An object with many keys switches
 * to a hash set, so a hostile payload with thousands of keys stays linear.
 * <p>
 * Wrap a parser whose own duplicate detection is off, before its first token. Every way of
 * advancing a parser ({@code nextFieldName}, {@code nextTextValue}, ...) ends in {@link #nextToken},
 * which is where keys are checked; {@link #skipChildren} is rewritten to advance through it too.
 */
final class DuplicateKeyCheckingParser extends JsonParserDelegate {

    /** Beyond this many keys in one object, a hash set replaces the linear scan. */
    private static final int LINEAR_LIMIT = 24;

    private String[] keys = new String[32];
    private int keyCount;
    /** For each open object: where its keys start in {@link #keys}. */
    private int[] objectStarts = new int[4];
    /** For each open object with many keys: all of them; else null. Made on the first such object. */
    private Set<String>[] largeObjects;
    private int depth;

    private final byte[] payload;

    /** @param payload what the parser reads, to place a rejection where Jackson's detector placed it */
    DuplicateKeyCheckingParser(JsonParser parser, byte[] payload) {
        super(parser);
        this.payload = payload;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            checkKey(delegate.currentName());
        } else if (token == JsonToken.START_OBJECT) {
            openObject();
        } else if (token == JsonToken.END_OBJECT && depth > 0) {
            depth--;
            keyCount = objectStarts[depth];
            if (largeObjects != null) {
                largeObjects[depth] = null;
            }
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    /** As ParserMinimalBase does it, but through {@link #nextToken} so skipped objects are checked. */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = currentToken();
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken token = nextToken();
            if (token == null) {
                return this; // the delegate has already refused a truncated payload
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void openObject() {
        if (depth == objectStarts.length) {
            objectStarts = Arrays.copyOf(objectStarts, depth * 2);
            if (largeObjects != null) {
                largeObjects = Arrays.copyOf(largeObjects, depth * 2);
            }
        }
        objectStarts[depth++] = keyCount;
    }

    private void checkKey(String key) throws JsonParseException {
        int start = depth == 0 ? 0 : objectStarts[depth - 1];
        Set<String> large = depth == 0 || largeObjects == null ? null : largeObjects[depth - 1];
        boolean duplicate;
        if (large != null) {
            duplicate = !large.add(key);
        } else {
            duplicate = false;
            int hash = key.hashCode();
            for (int i = start; i < keyCount; i++) {
                String seen = keys[i];
                if (seen == key || seen.hashCode() == hash && seen.equals(key)) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                remember(key);
                if (keyCount - start > LINEAR_LIMIT && depth > 0) {
                    if (largeObjects == null) {
                        largeObjects = newSetArray(objectStarts.length);
                    }
                    largeObjects[depth - 1] = new HashSet<>(Arrays.asList(keys).subList(start, keyCount));
                }
            }
        }
        if (duplicate) {
            throw new JsonParseException(delegate, "Duplicate field '" + key + "'", afterKey());
        }
    }

    /**
     * Just after the key's closing quote: where Jackson's own detector stops, so the rejection
     * message names the same line and column as before. The parser is already past the colon.
     */
    private JsonLocation afterKey() {
        JsonLocation key = delegate.currentTokenLocation();
        long opening = key.getByteOffset();
        if (opening < 0 || opening >= payload.length || payload[(int) opening] != '"') {
            return delegate.currentLocation();
        }
        int at = (int) opening + 1;
        while (at < payload.length && payload[at] != '"') {
            at += payload[at] == '\\' ? 2 : 1;
        }
        int end = at + 1;
        return new JsonLocation(key.contentReference(), end, -1L, key.getLineNr(), key.getColumnNr() + (end - (int) opening));
    }

    private void remember(String key) {
        if (keyCount == keys.length) {
            keys = Arrays.copyOf(keys, keyCount * 2);
        }
        keys[keyCount++] = key;
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSetArray(int length) {
        return (Set<String>[]) new Set<?>[length];
    }
}
