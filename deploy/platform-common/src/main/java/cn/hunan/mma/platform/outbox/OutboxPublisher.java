package cn.hunan.mma.platform.outbox;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives each batch of captured outbox rows from the engine, sends them to Kafka, waits until
 * Kafka has acknowledged every one, hands the rows to the {@link OutboxCleaner} (which deletes them
 * on its own thread, never before this point), and only then marks the batch processed. A
 * crash anywhere before the mark replays the batch from the write-ahead log: events are delivered
 * at least once, possibly twice, never lost. Within a batch records are sent in commit order
 * through an idempotent producer, so each partition keeps that order. A batch row
 * ({@link OutboxBatch}) is sent as its events, one record each, in the order they were written.
 */
final class OutboxPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final long ACK_POLL_MILLIS = 200;

    private final Producer<String, String> producer;
    private final URI source;
    private final OutboxCleaner cleaner;
    private final RelayStatistics statistics;
    private final Clock clock;
    private volatile boolean stopping;

    OutboxPublisher(Producer<String, String> producer, URI source, OutboxCleaner cleaner,
                    RelayStatistics statistics, Clock clock) {
        this.producer = producer;
        this.source = source;
        this.cleaner = cleaner;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<CapturedEvent> rows = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            SourceRecord routed = change.record();
            if (routed != null && !CapturedEvent.isHeartbeat(routed)) {
                rows.add(CapturedEvent.from(routed));
            }
        }
        publish(rows);
        for (RecordChangeEvent<SourceRecord> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    /**
     * Sends the rows' events in order, waits until Kafka has acknowledged every one, and hands the rows to the
     * cleaner. Also how rows a new slot cannot see are sent from the table ({@link OutboxSweep}).
     *
     * @return the events sent: a batch row's count as its events
     */
    int publish(List<CapturedEvent> rows) throws InterruptedException {
        List<Send> sends = new ArrayList<>(rows.size());
        // Row ids, not event ids: a batch row (OutboxBatch) carries many events and is deleted once.
        Set<String> acknowledgedRows = new LinkedHashSet<>();
        for (CapturedEvent row : rows) {
            OutboxBatch.expand(row).orElse(List.of(row)).forEach(event -> sends.add(send(event)));
            acknowledgedRows.add(row.eventId());
        }
        for (Send send : sends) {
            statistics.acknowledged(send.event(), awaitAcknowledgement(send));
        }
        cleaner.deleteAcknowledged(acknowledgedRows);
        return sends.size();
    }

    /** Makes a batch waiting for acknowledgements give up, so the engine can stop; it is replayed later. */
    void stop() {
        stopping = true;
    }

    private Send send(CapturedEvent event) {
        CompletableFuture<Instant> acknowledged = new CompletableFuture<>();
        producer.send(event.toProducerRecord(source), (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(clock.instant());
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return new Send(event, acknowledged);
    }

    private Instant awaitAcknowledgement(Send send) throws InterruptedException {
        while (true) {
            try {
                return send.acknowledged().get(ACK_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                if (stopping) {
                    throw new InterruptedException("relay stopping before Kafka acknowledged the batch");
                }
            } catch (ExecutionException e) {
                // Retriable errors are retried inside the producer; what arrives here will not heal.
                throw new OutboxRelayException("Kafka rejected outbox event " + send.event().eventId()
                        + " for topic " + send.event().topic(), e.getCause());
            }
        }
    }

    private record Send(CapturedEvent event, CompletableFuture<Instant> acknowledged) {
    }
}
