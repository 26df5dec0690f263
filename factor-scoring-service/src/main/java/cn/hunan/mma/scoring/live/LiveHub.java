package cn.hunan.mma.scoring.live;

import cn.hunan.mma.scoring.rest.Places;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open streams. Each update is offered to every client whose caller may see it
 * ({@link Places#seenBy}: any place the entity sits in); offering only queues, so publishing never waits for a socket.
 * A timer sends heartbeats to idle clients and drops stalled and closed ones.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    private final LiveSettings settings;
    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    public LiveHub(LiveSettings settings) {
        this.settings = settings;
    }

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.heartbeat().toMillis();
        timer.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
        clients.forEach(LiveClient::close);
        clients.clear();
    }

    void register(LiveClient client) {
        clients.add(client);
    }

    public void publish(LiveUpdate update) {
        for (LiveClient client : clients) {
            if (update.places().seenBy(client.caller())) {
                client.offer(update);
            }
        }
    }

    int clientCount() {
        return clients.size();
    }

    void tick() {
        for (LiveClient client : clients) {
            if (client.closed()) {
                clients.remove(client);
            } else if (client.stalled(settings.stallTimeout())) {
                LOG.infof("live stream of %s stalled for %s, %d events dropped: disconnected",
                        client.caller().subject(), settings.stallTimeout(), client.dropped());
                client.close();
                clients.remove(client);
            } else {
                client.heartbeat();
            }
        }
    }
}
