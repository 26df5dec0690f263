package cn.hunan.mma.referral.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Why a request or a transition was refused, and what the caller could do instead.
 *
 * @param allowedActions the actions allowed from the referral's current state (empty at intake)
 * @param field          the request field at fault, when one is (its JSON name), so the caller can point at it
 */
public record Refusal(Kind kind, String message, Set<ReferralAction> allowedActions, Optional<String> field) {

    public enum Kind {
        /** The action is not allowed from the referral's state (HTTP 409). */
        NOT_ALLOWED_IN_STATE,
        /** The action is allowed now, but not to the caller's party (HTTP 403). */
        WRONG_PARTY,
        /** The action's details are missing or invalid (HTTP 400). */
        INVALID_INPUT,
        /** The referral names an institution the matrix does not know or that no longer operates (HTTP 422). */
        UNKNOWN_INSTITUTION,
        /** Sender and receiver are the same institution (HTTP 422). */
        SELF_REFERRAL,
        /** The referral a new one continues does not exist, or not for the caller (HTTP 422). */
        UNKNOWN_REFERRAL,
        /** The matrix states departments of the receiving institution, not the one named (HTTP 422). */
        UNKNOWN_DEPARTMENT,
        /** The receiving department has no reserved slot or bed left to hold (HTTP 409). */
        NO_RESERVED_CAPACITY,
        /** An Idempotency-Key already used by the sender for a different request (HTTP 409). */
        IDEMPOTENCY_KEY_REUSED
    }

    public Refusal {
        allowedActions = Set.copyOf(allowedActions);
    }

    public Refusal(Kind kind, String message, Set<ReferralAction> allowedActions) {
        this(kind, message, allowedActions, Optional.empty());
    }

    public static Refusal of(Kind kind, String message) {
        return new Refusal(kind, message, Set.of());
    }

    /** A request refused for what one of its fields says. */
    public static Refusal ofField(Kind kind, String field, String message) {
        return new Refusal(kind, message, Set.of(), Optional.of(field));
    }
}
