package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.service.StaleVersionException;

/** The referral's version as an entity tag: {@code "3"}. Actions must send the one they last saw. */
final class IfMatch {

    private IfMatch() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @throws MissingException (428) without the header; StaleVersionException (412) when it is not a version — a weak
     *                          tag ({@code W/"3"}) included: If-Match compares strongly (RFC 9110 §13.1.1), and a weak
     *                          tag never matches
     */
    static long version(String header) {
        if (header == null || header.isBlank()) {
            throw new MissingException("send If-Match with the referral's ETag, so two actors cannot both win the same transition");
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            throw new StaleVersionException("If-Match " + header + " is a weak entity tag, which never matches (RFC 9110): "
                    + "send the ETag as the referral gave it", true);
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
