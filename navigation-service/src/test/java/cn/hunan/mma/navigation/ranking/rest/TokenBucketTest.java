package cn.hunan.mma.navigation.ranking.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allows_a_full_burst_then_refuses_with_the_wait_until_the_next_token() {
        TokenBucket bucket = new TokenBucket(0.5, 3, 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        // One token every two seconds.
        assertThat(bucket.tryTake(0)).isEqualTo(2);
    }

    @Test
    void refills_at_its_rate_but_never_beyond_its_size() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND)).isZero();
        assertThat(bucket.tryTake(SECOND)).isEqualTo(1);
        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).isPositive();
    }
}
