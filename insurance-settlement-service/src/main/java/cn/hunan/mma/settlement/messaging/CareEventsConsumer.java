package cn.hunan.mma.settlement.messaging;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.InpatientEvent;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.settlement.service.CaseSettlementService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Settles discharges from the inpatient topic and keeps institution levels from the matrix topic.
 * Records the contract refuses never arrive here (ContractRecordRejections dead-letters them); a
 * discharge that cannot be settled fails, and the dead-letter-queue strategy sends it to the DLT
 * with the failure as reason.
 */
@ApplicationScoped
public class CareEventsConsumer {

    public static final String INPATIENT = "inpatient";
    public static final String INSTITUTIONS = "institutions";

    private final CaseSettlementService settlements;

    public CareEventsConsumer(CaseSettlementService settlements) {
        this.settlements = settlements;
    }

    @Incoming(INPATIENT)
    public Uni<Void> inpatient(InpatientEvent event) {
        // Admissions carry nothing to settle.
        return event instanceof InpatientDischarged discharge ? settlements.settle(discharge) : Uni.createFrom().voidItem();
    }

    @Incoming(INSTITUTIONS)
    public Uni<Void> institution(InstitutionSnapshot snapshot) {
        return settlements.remember(snapshot);
    }
}
