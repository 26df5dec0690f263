package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.CancellingParty;
import cn.hunan.mma.events.referral.ReferralCancelled;
import cn.hunan.mma.events.referral.ReferralFollowedUp;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.RejectionCode;
import cn.hunan.mma.events.value.InstitutionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.hunan.mma.referral.domain.Referrals.NOW;
import static cn.hunan.mma.referral.domain.Referrals.anEventId;
import static cn.hunan.mma.referral.domain.Referrals.commandFor;
import static cn.hunan.mma.referral.domain.Referrals.in;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole state × action table of DOMAIN §5, written out by hand: every allowed transition with
 * the party that may take it, and every other (state, action) pair refused with the allowed ones named.
 */
class ReferralLifecycleTest {

    /** state | review required? (* = either) | action | the parties that may take it | next state | event type. */
    private static final String[] ALLOWED = {
            "REQUESTED         | true  | APPROVE         | PLATFORM_REVIEWER | PLATFORM_APPROVED | ReferralPlatformApproved",
            "REQUESTED         | false | ACCEPT          | RECEIVER          | ACCEPTED          | ReferralAccepted",
            "REQUESTED         | false | REJECT          | RECEIVER          | REJECTED          | ReferralRejected",
            "PLATFORM_APPROVED | *     | ACCEPT          | RECEIVER          | ACCEPTED          | ReferralAccepted",
            "PLATFORM_APPROVED | *     | REJECT          | RECEIVER          | REJECTED          | ReferralRejected",
            "ACCEPTED          | *     | SCHEDULE        | RECEIVER          | SCHEDULED         | ReferralScheduled",
            "SCHEDULED         | *     | ARRIVE          | RECEIVER          | ARRIVED           | ReferralArrived",
            "SCHEDULED         | *     | NO_SHOW         | RECEIVER PLATFORM | NO_SHOW           | ReferralNoShowRecorded",
            "SCHEDULED         | *     | CANCEL          | SENDER RECEIVER   | CANCELLED         | ReferralCancelled",
            "ARRIVED           | *     | START_TREATMENT | RECEIVER          | IN_TREATMENT      | ReferralTreatmentStarted",
            "IN_TREATMENT      | *     | COMPLETE        | RECEIVER          | COMPLETED         | ReferralCompleted",
            "COMPLETED         | *     | FOLLOW_UP       | SENDER            | FOLLOWED_UP       | ReferralFollowedUp",
    };

    private record Row(ReferralStatus state, boolean review, ReferralAction action, Set<Party> parties,
                       ReferralStatus next, String eventType) {
    }

    private static List<Row> allowedRows() {
        List<Row> rows = new ArrayList<>();
        for (String line : ALLOWED) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
            Set<Party> parties = Arrays.stream(cells[3].split("\\s+")).map(Party::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Party.class)));
            List<Boolean> reviews = cells[1].equals("*") ? List.of(true, false) : List.of(Boolean.parseBoolean(cells[1]));
            for (boolean review : reviews) {
                rows.add(new Row(ReferralStatus.valueOf(cells[0]), review, ReferralAction.valueOf(cells[2]), parties,
                        ReferralStatus.valueOf(cells[4]), cells[5]));
            }
        }
        return rows;
    }

    private static Set<ReferralAction> allowedIn(ReferralStatus state, boolean review) {
        return allowedRows().stream().filter(row -> row.state == state && row.review == review)
                .map(Row::action).collect(Collectors.toCollection(() -> EnumSet.noneOf(ReferralAction.class)));
    }

    static Stream<Arguments> allowedTransitions() {
        return allowedRows().stream().flatMap(row -> row.parties.stream()
                .map(party -> Arguments.of(row.state, row.review, row.action, party, row.next, row.eventType)));
    }

    static Stream<Arguments> transitionsFromTheWrongParty() {
        return allowedRows().stream().flatMap(row -> EnumSet.complementOf(EnumSet.copyOf(row.parties)).stream()
                .map(party -> Arguments.of(row.state, row.review, row.action, party)));
    }

    static Stream<Arguments> refusedTransitions() {
        List<Arguments> refused = new ArrayList<>();
        for (ReferralStatus state : ReferralStatus.values()) {
            for (boolean review : List.of(true, false)) {
                Set<ReferralAction> allowed = allowedIn(state, review);
                for (ReferralAction action : ReferralAction.values()) {
                    if (!allowed.contains(action)) {
                        refused.add(Arguments.of(state, review, action, allowed));
                    }
                }
            }
        }
        return refused.stream();
    }

    @ParameterizedTest(name = "{0} (review {1}): {3} may {2} → {4}")
    @MethodSource("allowedTransitions")
    void an_allowed_transition_moves_the_referral_and_states_one_event(ReferralStatus state, boolean review,
            ReferralAction action, Party party, ReferralStatus next, String eventType) {
        Decision decision = in(state, review).decide(commandFor(action), Set.of(party), anEventId(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Transitioned.class, moved -> {
            assertThat(moved.referral().status()).isEqualTo(next);
            assertThat(moved.referral().reviewRequired()).isEqualTo(review);
            assertThat(moved.event().getClass().getSimpleName()).isEqualTo(eventType);
            assertThat(moved.event().referralId().value()).isEqualTo("R-1");
            assertThat(moved.event().eventId()).isEqualTo(anEventId());
            assertThat(moved.event().occurredAt()).isEqualTo(NOW);
        });
    }

    @ParameterizedTest(name = "{0} (review {1}): {3} may not {2}")
    @MethodSource("transitionsFromTheWrongParty")
    void rejects_a_transition_from_the_wrong_party(ReferralStatus state, boolean review, ReferralAction action,
                                                    Party party) {
        Decision decision = in(state, review).decide(commandFor(action), Set.of(party), anEventId(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused ->
                assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.WRONG_PARTY));
    }

    @ParameterizedTest(name = "{0} (review {1}): {2} refused, allowed {3}")
    @MethodSource("refusedTransitions")
    void refuses_any_other_transition_naming_the_allowed_ones(ReferralStatus state, boolean review,
                                                              ReferralAction action, Set<ReferralAction> allowed) {
        // Every party at once: it is the state, not the caller, that refuses.
        Decision decision = in(state, review).decide(commandFor(action), EnumSet.allOf(Party.class), anEventId(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.NOT_ALLOWED_IN_STATE);
            assertThat(refused.refusal().allowedActions()).isEqualTo(allowed);
            allowed.forEach(ok -> assertThat(refused.refusal().message()).contains(ok.slug()));
        });
    }

    @Test
    void the_table_covers_every_state_and_action() {
        long pairs = refusedTransitions().count() + allowedRows().size();

        assertThat(pairs).isEqualTo(11L * 10 * 2);
    }

    @Test
    void a_closed_referral_says_nothing_is_allowed_any_more() {
        Decision decision = in(ReferralStatus.FOLLOWED_UP, false)
                .decide(commandFor(ReferralAction.ACCEPT), Set.of(Party.RECEIVER), anEventId(), NOW);

        assertThat(((Decision.Refused) decision).refusal().message())
                .isEqualTo("cannot accept a referral that is FOLLOWED_UP; allowed: none (the referral is closed)");
    }

    /** The platform records no-shows by a rule and is no caller's party: a refusal names only who could act. */
    @Test
    void a_no_show_refused_to_the_sender_names_the_receiver_alone() {
        Decision bySender = in(ReferralStatus.SCHEDULED, false)
                .decide(commandFor(ReferralAction.NO_SHOW), Set.of(Party.SENDER), anEventId(), NOW);
        Decision byCityOperator = in(ReferralStatus.SCHEDULED, true)
                .decide(commandFor(ReferralAction.NO_SHOW), Set.of(Party.PLATFORM_REVIEWER), anEventId(), NOW);

        assertThat(((Decision.Refused) bySender).refusal().message()).isEqualTo("no-show is for the receiver of the referral");
        assertThat(((Decision.Refused) byCityOperator).refusal().message()).isEqualTo("no-show is for the receiver of the referral");
    }

    @Test
    void a_cancellation_names_the_cancelling_side_or_the_patient() {
        Referral scheduled = in(ReferralStatus.SCHEDULED, false);

        var bySender = (Decision.Transitioned) scheduled.decide(new ReferralCommand.Cancel(false, "bed found nearer home"),
                Set.of(Party.SENDER), anEventId(), NOW);
        var byPatient = (Decision.Transitioned) scheduled.decide(new ReferralCommand.Cancel(true, "patient declined"),
                Set.of(Party.RECEIVER), anEventId(), NOW);

        assertThat(((ReferralCancelled) bySender.event()).cancelledBy()).isEqualTo(CancellingParty.SENDER);
        assertThat(((ReferralCancelled) byPatient.event()).cancelledBy()).isEqualTo(CancellingParty.PATIENT);
    }

    @Test
    void a_rejection_may_not_suggest_the_receiver_itself_as_the_onward_target() {
        Decision decision = in(ReferralStatus.REQUESTED, false).decide(new ReferralCommand.Reject(RejectionCode.CAPACITY_FULL,
                        "full", Optional.of(Referrals.COUNTY_HOSPITAL)), Set.of(Party.RECEIVER), anEventId(), NOW);

        assertThat(((Decision.Refused) decision).refusal().kind()).isEqualTo(Refusal.Kind.INVALID_INPUT);
    }

    @Test
    void a_rejection_without_a_reason_is_invalid_input() {
        Decision decision = in(ReferralStatus.REQUESTED, false).decide(new ReferralCommand.Reject(RejectionCode.OTHER,
                " ", Optional.empty()), Set.of(Party.RECEIVER), anEventId(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused ->
                assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.INVALID_INPUT));
    }

    @Test
    void the_schedule_event_carries_the_held_reservation_and_the_follow_up_the_sender() {
        var scheduled = (Decision.Transitioned) in(ReferralStatus.ACCEPTED, false)
                .decide(commandFor(ReferralAction.SCHEDULE), Set.of(Party.RECEIVER), anEventId(), NOW);
        var followedUp = (Decision.Transitioned) in(ReferralStatus.COMPLETED, false)
                .decide(commandFor(ReferralAction.FOLLOW_UP), Set.of(Party.SENDER), anEventId(), NOW);

        assertThat(((ReferralScheduled) scheduled.event()).reservationId()).isEqualTo("S-42");
        assertThat(((ReferralFollowedUp) followedUp.event()).followedUpBy()).isEqualTo(InstitutionId.of("430321T0001"));
    }

    @Test
    void the_actions_offered_to_a_party_are_the_allowed_ones_it_may_take() {
        Referral scheduled = in(ReferralStatus.SCHEDULED, true);

        assertThat(scheduled.allowedActionsFor(Set.of(Party.SENDER))).containsExactly(ReferralAction.CANCEL);
        assertThat(scheduled.allowedActionsFor(Set.of(Party.RECEIVER)))
                .containsExactlyInAnyOrder(ReferralAction.ARRIVE, ReferralAction.NO_SHOW, ReferralAction.CANCEL);
        assertThat(scheduled.allowedActionsFor(Set.of(Party.PLATFORM_REVIEWER))).isEmpty();
    }
}
