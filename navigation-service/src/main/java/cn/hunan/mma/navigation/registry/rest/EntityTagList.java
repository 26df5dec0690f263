package cn.hunan.mma.navigation.registry.rest;

import jakarta.ws.rs.core.EntityTag;

import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated list of entity-tags as If-Match carries it (RFC 9110 §13.1.1, §8.8.3, §5.6.1):
 * {@code "a", W/"b"} — each an optional {@code W/} and an opaque tag in double quotes, separated by commas and
 * optional spaces or tabs; empty list elements are skipped, as recipients must accept them. Syntax only: which tags
 * match is the caller's (If-Match compares strongly, so a weak one never does).
 */
final class EntityTagList {

    private EntityTagList() {
    }

    /**
     * @throws IllegalArgumentException naming what is wrong (an unquoted tag, an unterminated quote, a character an
     *                                  entity-tag cannot hold, tags not separated by commas, no tag at all)
     */
    static List<EntityTag> parse(String field) {
        List<EntityTag> tags = new ArrayList<>();
        int i = skipSpace(field, 0);
        while (i < field.length()) {
            if (field.charAt(i) == ',') {
                i = skipSpace(field, i + 1);
                continue;
            }
            boolean weak = field.startsWith("W/", i);
            if (weak) {
                i += 2;
            }
            if (i >= field.length() || field.charAt(i) != '"') {
                throw new IllegalArgumentException("an entity-tag is in double quotes, e.g. \"3f2a…\" (at character " + (i + 1) + ")");
            }
            int close = i + 1;
            while (close < field.length() && field.charAt(close) != '"') {
                if (!isTagCharacter(field.charAt(close))) {
                    throw new IllegalArgumentException("an entity-tag cannot hold the character at " + (close + 1));
                }
                close++;
            }
            if (close == field.length()) {
                throw new IllegalArgumentException("the entity-tag opened at character " + (i + 1) + " has no closing quote");
            }
            tags.add(new EntityTag(field.substring(i + 1, close), weak));
            i = skipSpace(field, close + 1);
            if (i < field.length() && field.charAt(i) != ',') {
                throw new IllegalArgumentException("entity-tags are separated by commas (at character " + (i + 1) + ")");
            }
        }
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("no entity-tag");
        }
        return tags;
    }

    /** etagc: any visible character but the double quote, or obs-text. */
    private static boolean isTagCharacter(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static int skipSpace(String field, int from) {
        int i = from;
        while (i < field.length() && (field.charAt(i) == ' ' || field.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
