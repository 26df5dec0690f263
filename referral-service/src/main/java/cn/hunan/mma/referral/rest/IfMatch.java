package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.service.StaleVersionException;

/** The referral's version as an entity tag: {@code "3"}. Actions must send the one they last saw. */
final class IfMatch {

    private IfMatch() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @throws MissingException (428) without the header; StaleVersionException (412) when it is not a version */
    static long version(String header) {
        if (header == null || header.isBlank()) {
            throw new MissingException("send If-Match with the referral's ETag, so two actors cannot both win the same transition");
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new StaleVersionException("If-Match " + header + " matches no version of this referral", true);
        }
    }

    static final class MissingException extends RuntimeException {
        MissingException(String message) {
            super(message, null, false, false);
        }
    }
}
