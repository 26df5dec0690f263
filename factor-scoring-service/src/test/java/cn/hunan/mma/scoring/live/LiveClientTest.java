package cn.hunan.mma.scoring.live;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.platform.security.Scope;
import cn.hunan.mma.scoring.rest.Places;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client buffer: one write at a time, bounded, drop-and-resync, stall detection. */
class LiveClientTest {

    private static final Caller XIANGTAN = new Caller("xt", Set.of(Role.CITY_OPERATOR),
            Scope.fromClaims(Optional.empty(), Optional.of("430300"), Optional.empty(), Optional.empty()));
    private static final Places XIANGTAN_COUNTY = Places.of(Jurisdiction.ofDivision(DivisionCode.of("430321")));

    /** A socket that completes a write only when the test says so. */
    static final class SlowSink implements SseEventSink {
        final List<OutboundSseEvent> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> writes = new ArrayList<>();
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public synchronized CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
            CompletableFuture<Void> write = new CompletableFuture<>();
            writes.add(write);
            return write;
        }

        @Override
        public void close() {
            closed = true;
        }

        void completeWrite(int index) {
            writes.get(index).complete(null);
        }

        List<String> sentIds() {
            return sent.stream().map(event -> event.getName() + (event.getId() == null ? "" : ":" + event.getId())).toList();
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-10T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static LiveUpdate score(int n) {
        return new LiveUpdate(LiveUpdate.SCORE, "e" + n, XIANGTAN_COUNTY, "{\"n\":" + n + "}");
    }

    @Test
    void a_client_that_falls_capacity_behind_loses_its_queue_and_gets_one_resync() {
        SlowSink sink = new SlowSink();
        LiveClient client = new LiveClient(XIANGTAN, sink, SseImpl.INSTANCE, 3, Clock.systemUTC());

        client.offer(score(1));          // written at once; the write does not complete
        client.offer(score(2));          // queue: e2
        client.offer(score(3));          // queue: e2 e3
        client.offer(score(4));          // queue: e2 e3 e4 — full
        client.offer(score(5));          // overflow: e2 e3 e4 and e5 dropped, resync queued
        client.offer(score(6));          // dropped while the resync waits
        assertThat(sink.sentIds()).containsExactly("score:e1");
        assertThat(client.dropped()).isEqualTo(5);

        sink.completeWrite(0);           // e1 done: the resync goes out
        client.offer(score(7));          // accepted again, waits for the resync's write
        sink.completeWrite(1);
        assertThat(sink.sentIds()).containsExactly("score:e1", "resync", "score:e7");
        assertThat(client.dropped()).isEqualTo(5);
    }

    @Test
    void a_heartbeat_goes_out_only_when_nothing_else_waits() {
        SlowSink sink = new SlowSink();
        LiveClient client = new LiveClient(XIANGTAN, sink, SseImpl.INSTANCE, 3, Clock.systemUTC());
        client.heartbeat();
        assertThat(sink.sent).hasSize(1);
        assertThat(sink.sent.get(0).getComment()).isEqualTo("heartbeat");
        client.offer(score(1));          // queued behind the heartbeat's write
        client.heartbeat();              // not queued: e1 is waiting
        sink.completeWrite(0);
        sink.completeWrite(1);
        assertThat(sink.sentIds()).containsExactly("null", "score:e1");
    }

    @Test
    void a_write_pending_longer_than_the_timeout_is_a_stall_and_a_failed_write_closes() {
        SlowSink sink = new SlowSink();
        MovableClock clock = new MovableClock();
        LiveClient client = new LiveClient(XIANGTAN, sink, SseImpl.INSTANCE, 3, clock);
        client.offer(score(1));
        clock.now = clock.now.plusSeconds(59);
        assertThat(client.stalled(Duration.ofSeconds(60))).isFalse();
        clock.now = clock.now.plusSeconds(2);
        assertThat(client.stalled(Duration.ofSeconds(60))).isTrue();

        sink.writes.get(0).completeExceptionally(new java.io.IOException("connection reset"));
        assertThat(client.closed()).isTrue();
        assertThat(sink.closed).isTrue();
    }
}
