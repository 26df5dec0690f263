package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A referral as its lifecycle sees it: who sends, who receives, where it stands and whether the
 * sender's city reviews it. It never changes itself: {@link #decide} returns the next referral with
 * the event that states the transition, or a refusal naming what is allowed instead.
 */
public record Referral(ReferralId id, EpisodeId episodeId, ReferralParty sender, ReferralParty receiver,
                       ReferralStatus status, boolean reviewRequired) {

    public Set<ReferralAction> allowedActions() {
        return Lifecycle.allowedFrom(status, reviewRequired);
    }

    /** The allowed actions the given parties may take (what a UI offers the caller). */
    public Set<ReferralAction> allowedActionsFor(Set<Party> parties) {
        return allowedActions().stream()
                .filter(action -> !Collections.disjoint(action.performers(), parties))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param actingAs the parties the caller plays towards this referral (none for a bystander)
     * @param eventId  the id the resulting event gets
     * @param at       when the transition happens, to the millisecond the wire format keeps
     */
    public Decision decide(ReferralCommand command, Set<Party> actingAs, EventId eventId, Instant at) {
        ReferralAction action = command.action();
        Set<ReferralAction> allowed = allowedActions();
        if (!allowed.contains(action)) {
            return refuse(Refusal.Kind.NOT_ALLOWED_IN_STATE, "cannot " + action.slug() + " a referral that is "
                    + status + "; allowed: " + describe(allowed), allowed);
        }
        if (Collections.disjoint(action.performers(), actingAs)) {
            return refuse(Refusal.Kind.WRONG_PARTY, action.slug() + " is for the " + describeParties(action.performers())
                    + " of the referral", allowed);
        }
        try {
            ReferralEvent event = command.stated(this, actingAs, eventId, at);
            return new Decision.Transitioned(withStatus(action.leadsTo()), event);
        } catch (ContractViolation invalid) {
            return refuse(Refusal.Kind.INVALID_INPUT, invalid.getMessage(), allowed);
        }
    }

    /**
     * The receiver has no reserved slot or bed left to hold for this referral's schedule (409). Like every refusal of a
     * step it lists what the referral's state allows instead (a schedule of another session, or of a bed): it listed
     * nothing before 2026-11-25 (9).
     *
     * @param what the pool that is exhausted, e.g. "reserved beds of 430321H0001/CARDIO"
     */
    public Refusal noReservedCapacity(String what) {
        return new Refusal(Refusal.Kind.NO_RESERVED_CAPACITY, "no " + what + " left to hold for this referral",
                allowedActions());
    }

    private Referral withStatus(ReferralStatus next) {
        return new Referral(id, episodeId, sender, receiver, next, reviewRequired);
    }

    private static Decision refuse(Refusal.Kind kind, String message, Set<ReferralAction> allowed) {
        return new Decision.Refused(new Refusal(kind, message, allowed));
    }

    private static String describe(Set<ReferralAction> actions) {
        if (actions.isEmpty()) {
            return "none (the referral is closed)";
        }
        return actions.stream().sorted().map(ReferralAction::slug).collect(Collectors.joining(", "));
    }

    // The parties a caller could be: PLATFORM acts by a rule and is no caller's, so a refused no-show names the
    // receiver alone (it read "receiver or platform" until 2026-11-25 (7)).
    private static String describeParties(Set<Party> parties) {
        return parties.stream().filter(party -> party != Party.PLATFORM).sorted().map(party -> party.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" or "));
    }
}
