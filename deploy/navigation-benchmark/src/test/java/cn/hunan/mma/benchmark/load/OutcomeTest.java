package cn.hunan.mma.benchmark.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTest {

    @Test
    void only_2xx_is_success_and_429_is_reported_apart_from_errors() {
        assertThat(Outcome.ofStatus(200)).isEqualTo("2xx");
        assertThat(Outcome.ofStatus(204)).isEqualTo("2xx");
        assertThat(Outcome.ofStatus(429)).isEqualTo("HTTP 429");
        assertThat(Outcome.isError("HTTP 429")).isFalse();
        assertThat(Outcome.isError("2xx")).isFalse();
        assertThat(Outcome.isError(Outcome.ofStatus(400))).isTrue();
        assertThat(Outcome.isError(Outcome.ofStatus(503))).isTrue();
    }

    @Test
    void names_failures_by_kind_through_the_completion_wrapper() {
        assertThat(Outcome.ofFailure(new CompletionException(new HttpTimeoutException("request timed out")))).isEqualTo("timeout");
        assertThat(Outcome.ofFailure(new CompletionException(new ConnectException()))).isEqualTo("connection refused");
        assertThat(Outcome.ofFailure(new IOException("reset"))).isEqualTo("I/O: IOException");
        assertThat(Outcome.isError("timeout")).isTrue();
    }
}
