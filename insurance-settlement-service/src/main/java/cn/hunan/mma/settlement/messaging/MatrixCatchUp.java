package cn.hunan.mma.settlement.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Holds the inpatient channel at start-up until the matrix topics are read to where they ended at start-up.
 *
 * <p>Why: a discharge is settled against what the matrix says — its institution's level, the primary-level diseases of
 * the guidance catalogue. On a fresh database reading a backlog, the inpatient consumer would otherwise race the matrix
 * consumers: a discharge of an institution not stored yet was dead-lettered as "not in the matrix", and one whose
 * primary-level disease had not been stored yet was paid with the level's coefficient, for good. Records the matrix
 * states later are not waited for: the matrix and the discharges are different topics, and nothing orders them.
 *
 * <p>The channel is configured {@code pausable} with {@code initially-paused} and {@code late-subscription}, so its
 * consumer does not even join its group until this opens it. The wait is bounded ({@code max-wait}): a matrix group
 * that cannot progress — a record it retries for ever — must not stop settlement for good; then the channel opens with
 * a warning naming the partitions behind, and the cost is the race above. Progress is logged, and
 * {@code mma_settlement_matrix_unread} shows the matrix offsets still to read ({@code 0} once open).
 */
@ApplicationScoped
public class MatrixCatchUp {

    private static final Logger LOG = Logger.getLogger(MatrixCatchUp.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    private static final Duration ADMIN_CLOSE = Duration.ofSeconds(5);

    private final ChannelRegistry channels;
    private final Map<String, Object> kafka;
    private final Config config;
    private final List<String> matrixChannels;
    private final Duration maxWait;
    private final Duration pollInterval;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong unread = new AtomicLong(-1);
    private volatile Thread waiting;

    public MatrixCatchUp(ChannelRegistry channels, @Identifier("default-kafka-broker") Map<String, Object> kafka, Config config,
                         MeterRegistry meters,
                         @ConfigProperty(name = "mma.settlement.matrix-catch-up.channels") List<String> matrixChannels,
                         @ConfigProperty(name = "mma.settlement.matrix-catch-up.max-wait") Duration maxWait,
                         @ConfigProperty(name = "mma.settlement.matrix-catch-up.poll-interval") Duration pollInterval) {
        this.channels = channels;
        this.kafka = kafka;
        this.config = config;
        this.matrixChannels = matrixChannels;
        this.maxWait = maxWait;
        this.pollInterval = pollInterval;
        meters.gauge("mma.settlement.matrix.unread", unread);
    }

    void start(@Observes StartupEvent started) {
        Thread thread = new Thread(this::holdUntilRead, "matrix-catch-up");
        thread.setDaemon(true);
        waiting = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        Thread thread = waiting;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Waits for the matrix, then opens the channel whatever happened meanwhile — a failure of this thread must not
     * leave settlement paused with nothing to show for it — unless the service is shutting down.
     */
    private void holdUntilRead() {
        try {
            awaitTheMatrix(clock.instant().plus(maxWait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;   // shutting down
        } catch (RuntimeException e) {
            LOG.error("Waiting for the matrix failed: settling discharges now", e);
        }
        openInpatient();
    }

    private void awaitTheMatrix(Instant deadline) throws InterruptedException {
        List<MatrixBacklog.Source> sources = sources();
        Admin admin = null;
        try {
            MatrixBacklog backlog = null;
            Map<TopicPartition, Long> targets = null;
            Instant nextReport = clock.instant();
            while (true) {
                try {
                    if (backlog == null) {
                        // Created in the loop: the client's constructor fails while the brokers' names do not resolve.
                        admin = Admin.create(adminConfig());
                        backlog = new MatrixBacklog(admin, sources);
                    }
                    if (targets == null) {
                        targets = backlog.endOffsetsNow();
                        LOG.infof("Holding the inpatient channel until the matrix is read to %s", targets);
                    }
                    Map<TopicPartition, Long> behind = backlog.unread(targets);
                    unread.set(behind.values().stream().mapToLong(Long::longValue).sum());
                    if (behind.isEmpty()) {
                        LOG.info("The matrix is read to where it stood at start-up: settling discharges");
                        return;
                    }
                    if (!clock.instant().isBefore(nextReport)) {
                        LOG.infof("Matrix still to read before settling discharges: %s", behind);
                        nextReport = clock.instant().plus(PROGRESS_EVERY);
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // The broker may be starting too: keep asking until the deadline.
                    LOG.warnf("Could not read the matrix topics' offsets (%s); asking again", e.toString());
                }
                if (!clock.instant().isBefore(deadline)) {
                    LOG.warnf("The matrix is not read after %s (unread offsets: %s): settling discharges anyway. A discharge "
                            + "of an institution not stored yet is dead-lettered (replay it), and a primary-level disease "
                            + "not stored yet is paid with its level's coefficient", maxWait,
                            unread.get() < 0 ? "not known, the offsets could not be read" : unread.get());
                    return;
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } finally {
            if (admin != null) {
                // Bounded: calls already timed out must not hold the channel another minute.
                admin.close(ADMIN_CLOSE);
            }
        }
    }

    /**
     * Resumes the inpatient channel. With {@code concurrency} set, SmallRye makes a copy of the channel per consumer
     * ({@code inpatient$1}, …), each pausable on its own, and registers none under the channel's own name.
     */
    private void openInpatient() {
        String channel = CareEventsConsumer.INPATIENT;
        int concurrency = config.getOptionalValue("mp.messaging.incoming." + channel + ".concurrency", Integer.class).orElse(1);
        List<PausableChannel> copies = IntStream.rangeClosed(1, concurrency)
                .mapToObj(copy -> concurrency == 1 ? channel : channel + "$" + copy)
                .map(channels::getPausable).filter(Objects::nonNull).toList();
        if (copies.size() != concurrency) {
            throw new IllegalStateException("the inpatient channel is not pausable (" + copies.size() + " of " + concurrency
                    + " copies): set mp.messaging.incoming." + channel + ".pausable=true, and keep SmallRye's "
                    + "PausableChannelDecorator among quarkus.arc.unremovable-types");
        }
        unread.set(0);
        copies.forEach(PausableChannel::resume);
    }

    /** Each matrix channel's topic and group, as the channel itself is configured. */
    private List<MatrixBacklog.Source> sources() {
        return matrixChannels.stream().map(channel -> new MatrixBacklog.Source(
                config.getValue("mp.messaging.incoming." + channel + ".topic", String.class),
                config.getValue("mp.messaging.incoming." + channel + ".group.id", String.class))).toList();
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>(kafka);
        // The application's Kafka settings apply to consumers and producers too; the admin client warns on those.
        admin.keySet().retainAll(AdminClientConfig.configNames());
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "insurance-settlement-matrix-catch-up");
        if (!admin.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    config.getValue("mp.messaging.connector.smallrye-kafka.bootstrap.servers", String.class));
        }
        return admin;
    }
}
