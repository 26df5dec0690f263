package cn.hunan.mma.benchmark.referral;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralRoutesTest {

    private final ReferralRoutes routes = new ReferralRoutes(
            List.of(new ReferralRoutes.Sender("T1", "GEN"), new ReferralRoutes.Sender("T2", "GEN")),
            List.of(new ReferralRoutes.Pool("C1", "NEURO"), new ReferralRoutes.Pool("C1", "CARDIO"), new ReferralRoutes.Pool("C2", "NEURO")));

    @Test
    void referrals_spread_evenly_over_the_pools_and_each_pool_has_room_for_its_share() {
        long referrals = 1_000;
        int[] perPool = new int[3];
        for (long i = 0; i < referrals; i++) {
            perPool[routes.pools().indexOf(routes.route(i).receiver())]++;
        }

        int reserved = routes.reservedPerPool(referrals);
        for (int count : perPool) {
            assertThat(count).isBetween(333, 334).isLessThanOrEqualTo(reserved);
        }
    }
}
