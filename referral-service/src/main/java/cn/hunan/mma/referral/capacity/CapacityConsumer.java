package cn.hunan.mma.referral.capacity;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.platform.messaging.DatabaseOutages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the capacity topic into the reserved-capacity ledger; rejected records go to the DLT (application.properties),
 * and an event the database cannot apply for now is applied again once it can.
 */
@ApplicationScoped
public class CapacityConsumer {

    private final ReservedCapacityLedger ledger;

    public CapacityConsumer(ReservedCapacityLedger ledger) {
        this.ledger = ledger;
    }

    @Incoming("capacity")
    public Uni<Void> apply(CapacityEvent event) {
        return DatabaseOutages.retried(() -> ledger.apply(event), "applying capacity event " + event.eventId());
    }
}
