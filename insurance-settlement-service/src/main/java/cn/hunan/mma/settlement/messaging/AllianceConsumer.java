package cn.hunan.mma.settlement.messaging;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.platform.messaging.DatabaseOutages;
import cn.hunan.mma.settlement.service.BudgetService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps alliances (members, covered divisions) from the matrix topic: budgets are computed over them. */
@ApplicationScoped
public class AllianceConsumer {

    public static final String ALLIANCES = "alliances";

    private final BudgetService budgets;

    public AllianceConsumer(BudgetService budgets) {
        this.budgets = budgets;
    }

    @Incoming(ALLIANCES)
    public Uni<Void> alliance(AllianceSnapshot snapshot) {
        return DatabaseOutages.retried(() -> budgets.remember(snapshot), "storing alliance " + snapshot.allianceId());
    }
}
