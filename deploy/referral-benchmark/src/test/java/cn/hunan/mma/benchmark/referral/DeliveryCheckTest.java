package cn.hunan.mma.benchmark.referral;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryCheckTest {

    private static final String REQUESTED = CallType.CREATE.eventType();
    private static final String ACCEPTED = CallType.ACCEPT.eventType();
    private static final String SCHEDULED = CallType.SCHEDULE.eventType();

    @Test
    void every_announced_event_once_by_id_passes_even_when_redelivered() {
        var check = DeliveryCheck.of(Map.of("r1", Set.of(REQUESTED, ACCEPTED)), Map.of(),
                Map.of("r1", Map.of(REQUESTED, Map.of("e1", 2), ACCEPTED, Map.of("e2", 1))));

        assertThat(check.passed()).isTrue();
        assertThat(check).isEqualTo(new DeliveryCheck(2, 2, 0, 0, 3, 1, 0));
    }

    @Test
    void an_announced_event_missing_from_the_topic_is_lost() {
        var check = DeliveryCheck.of(Map.of("r1", Set.of(REQUESTED, ACCEPTED, SCHEDULED), "r2", Set.of(REQUESTED)), Map.of(),
                Map.of("r1", Map.of(REQUESTED, Map.of("e1", 1), ACCEPTED, Map.of("e2", 1))));

        assertThat(check.passed()).isFalse();
        assertThat(check.lost()).isEqualTo(2);
        assertThat(check.delivered()).isEqualTo(2);
    }

    @Test
    void one_transition_under_two_event_ids_is_doubled_not_redelivered() {
        var check = DeliveryCheck.of(Map.of("r1", Set.of(REQUESTED)), Map.of(),
                Map.of("r1", Map.of(REQUESTED, Map.of("e1", 1, "e9", 1))));

        assertThat(check.passed()).isFalse();
        assertThat(check.doubled()).isEqualTo(1);
        assertThat(check.redelivered()).isZero();
    }

    @Test
    void an_event_no_call_accounts_for_fails_unless_its_call_went_unanswered() {
        var seen = Map.of("r1", Map.of(REQUESTED, Map.of("e1", 1), ACCEPTED, Map.of("e2", 1)));

        var unexplained = DeliveryCheck.of(Map.of("r1", Set.of(REQUESTED)), Map.of(), seen);
        var timedOut = DeliveryCheck.of(Map.of("r1", Set.of(REQUESTED)), Map.of("r1", Set.of(ACCEPTED)), seen);

        assertThat(unexplained.unexpected()).isEqualTo(1);
        assertThat(unexplained.passed()).isFalse();
        assertThat(timedOut.unexpected()).isZero();
        assertThat(timedOut.passed()).isTrue();
    }

    @Test
    void referrals_the_benchmark_did_not_create_are_ignored() {
        var check = DeliveryCheck.of(Map.of("r1", Set.of(REQUESTED)), Map.of(),
                Map.of("r1", Map.of(REQUESTED, Map.of("e1", 1)), "probe", Map.of(REQUESTED, Map.of("e7", 1))));

        assertThat(check).isEqualTo(new DeliveryCheck(1, 1, 0, 0, 1, 0, 0));
    }
}
