package cn.hunan.mma.scoring.live;

import cn.hunan.mma.platform.security.Caller;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * One open stream. Updates are queued and written one at a time: the next write starts when the
 * previous one has completed, so a slow reader never blocks the feed or other clients. The queue
 * holds at most {@code capacity} events; when it is full the client is behind for good, so its
 * queue is emptied and it gets a single {@code resync} event instead (drop-and-resync): the page
 * then reloads its panels through the HTTP API. Memory per client is therefore bounded by the
 * capacity. A client whose write has not completed for the stall timeout is disconnected.
 */
final class LiveClient {

    private final Caller caller;
    private final SseEventSink sink;
    private final Sse sse;
    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<OutboundSseEvent> queue = new ArrayDeque<>();
    private boolean resyncPending;
    private boolean writing;
    private Instant writeStarted;
    private boolean closed;
    private long dropped;

    LiveClient(Caller caller, SseEventSink sink, Sse sse, int capacity, Clock clock) {
        this.caller = caller;
        this.sink = sink;
        this.sse = sse;
        this.capacity = capacity;
        this.clock = clock;
    }

    Caller caller() {
        return caller;
    }

    void offer(LiveUpdate update) {
        enqueue(sse.newEventBuilder().name(update.kind()).id(update.key()).data(update.json()).build());
    }

    /** A heartbeat only when nothing else is waiting: a queued event proves liveness as well. */
    void heartbeat() {
        synchronized (this) {
            if (closed || !queue.isEmpty() || resyncPending) {
                return;
            }
        }
        enqueue(sse.newEventBuilder().comment("heartbeat").build());
    }

    void hello(String json) {
        enqueue(sse.newEventBuilder().name("hello").data(json).build());
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized boolean closed() {
        return closed || sink.isClosed();
    }

    /** True when a write has been pending longer than the timeout: the peer has stopped reading. */
    synchronized boolean stalled(Duration timeout) {
        return writing && writeStarted != null && writeStarted.plus(timeout).isBefore(clock.instant());
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already closed by the peer: nothing to release
        }
    }

    private void enqueue(OutboundSseEvent event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (resyncPending) {
                dropped++;
                return;
            }
            if (queue.size() >= capacity) {
                dropped += queue.size() + 1;
                queue.clear();
                resyncPending = true;
                queue.add(sse.newEventBuilder().name("resync").data("{\"reason\":\"client too slow: " + capacity
                        + " events waiting; reload the panels\"}").build());
            } else {
                queue.add(event);
            }
        }
        writeNext();
    }

    private void writeNext() {
        OutboundSseEvent next;
        synchronized (this) {
            if (writing || closed || queue.isEmpty()) {
                return;
            }
            next = queue.poll();
            if (next.getName() != null && next.getName().equals("resync")) {
                // From here on the client gets events again: the resync tells it to reload what it missed.
                resyncPending = false;
            }
            writing = true;
            writeStarted = clock.instant();
        }
        sink.send(next).whenComplete((ignored, failure) -> {
            synchronized (this) {
                writing = false;
            }
            if (failure != null) {
                close();
            } else {
                writeNext();
            }
        });
    }
}
