package cn.hunan.mma.settlement.messaging;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.InpatientEvent;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.platform.messaging.DatabaseOutages;
import cn.hunan.mma.settlement.service.CaseSettlementService;
import cn.hunan.mma.settlement.service.OutpatientSpend;
import cn.hunan.mma.settlement.service.RepeatedConflicts;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Settles discharges from the inpatient topic, a poll's worth at a time, keeps what the fund paid for
 * outpatient visits (the budget's base and a close's spend count them), and keeps institution levels
 * from the matrix topic.
 *
 * <p>The inpatient channel consumes in batches ({@code batch=true}), so acknowledgement is this
 * class's job, record by record: a record the contract refused (no payload: ContractRecordRejections
 * has put the reason in its headers) and a discharge that cannot be settled are nacked, which sends
 * each alone to the DLT (failure strategy {@code dead-letter-queue}) with its reason; the batch is
 * acknowledged once those are dead-lettered and the rest is committed. If the batch's transaction
 * itself fails, the whole batch is nacked.
 */
@ApplicationScoped
public class CareEventsConsumer {

    public static final String INPATIENT = "inpatient";
    public static final String OUTPATIENT_VISITS = "outpatient-visits";
    public static final String INSTITUTIONS = "institutions";

    private final CaseSettlementService settlements;
    private final OutpatientSpend outpatientSpend;

    public CareEventsConsumer(CaseSettlementService settlements, OutpatientSpend outpatientSpend) {
        this.settlements = settlements;
        this.outpatientSpend = outpatientSpend;
    }

    @Incoming(INPATIENT)
    public Uni<Void> inpatient(KafkaRecordBatch<String, InpatientEvent> batch) {
        List<KafkaRecord<String, InpatientEvent>> refusedByContract = new ArrayList<>();
        List<KafkaRecord<String, InpatientEvent>> dischargeRecords = new ArrayList<>();
        List<InpatientDischarged> discharges = new ArrayList<>();
        for (KafkaRecord<String, InpatientEvent> record : batch.getRecords()) {
            if (record.getPayload() == null) {
                refusedByContract.add(record);
            } else if (record.getPayload() instanceof InpatientDischarged discharge) {
                // Admissions carry nothing to settle.
                dischargeRecords.add(record);
                discharges.add(discharge);
            }
        }
        Uni<CaseSettlementService.BatchResult> settled = DatabaseOutages.retried(
                new RepeatedConflicts().bounded(() -> settlements.settleFitting(discharges)),
                "settling " + discharges.size() + " discharges");
        return acknowledge(batch, settled.map(result -> deadLettersFor(refusedByContract, dischargeRecords, result)));
    }

    /**
     * As for discharges: a record the contract refused goes to the DLT alone, the rest of the poll is kept; a poll whose
     * locks do not fit in the server's lock table is recorded in parts.
     */
    @Incoming(OUTPATIENT_VISITS)
    public Uni<Void> outpatient(KafkaRecordBatch<String, OutpatientVisitRecorded> batch) {
        List<KafkaRecord<String, OutpatientVisitRecorded>> refusedByContract = new ArrayList<>();
        List<KafkaRecord<String, OutpatientVisitRecorded>> visitRecords = new ArrayList<>();
        List<OutpatientVisitRecorded> visits = new ArrayList<>();
        for (KafkaRecord<String, OutpatientVisitRecorded> record : batch.getRecords()) {
            if (record.getPayload() == null) {
                refusedByContract.add(record);
            } else {
                visitRecords.add(record);
                visits.add(record.getPayload());
            }
        }
        Uni<CaseSettlementService.BatchResult> recorded = DatabaseOutages.retried(
                new RepeatedConflicts().bounded(() -> outpatientSpend.recordFitting(visits)),
                "recording " + visits.size() + " outpatient visits");
        return acknowledge(batch, recorded.map(result -> deadLettersFor(refusedByContract, visitRecords, result)));
    }

    /** The contract's refusals, then the records the service refused (by their position among {@code handled}). */
    private static List<Uni<Void>> deadLettersFor(List<? extends KafkaRecord<String, ?>> refusedByContract,
                                                  List<? extends KafkaRecord<String, ?>> handled,
                                                  CaseSettlementService.BatchResult result) {
        List<Uni<Void>> deadLetters = deadLettersFor(refusedByContract);
        result.refused().forEach((index, reason) -> deadLetters.add(nack(handled.get(index), reason)));
        return deadLetters;
    }

    /**
     * Once the batch's work is done: each record it refused goes alone to the DLT, then the batch is acknowledged
     * (the rest committed); if the work or a dead-lettering fails, the whole batch is nacked.
     */
    private static Uni<Void> acknowledge(KafkaRecordBatch<String, ?> batch, Uni<List<Uni<Void>>> deadLettersOnceDone) {
        return deadLettersOnceDone
                .chain(deadLetters -> deadLetters.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(deadLetters).andFailFast().replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(batch.nack(failure)));
    }

    private static List<Uni<Void>> deadLettersFor(List<? extends KafkaRecord<String, ?>> records) {
        List<Uni<Void>> deadLetters = new ArrayList<>();
        records.forEach(record -> deadLetters.add(nack(record, new RefusedRecordException())));
        return deadLetters;
    }

    @Incoming(INSTITUTIONS)
    public Uni<Void> institution(InstitutionSnapshot snapshot) {
        return DatabaseOutages.retried(() -> settlements.remember(snapshot), "storing institution " + snapshot.institutionId());
    }

    private static Uni<Void> nack(KafkaRecord<String, ?> record, Throwable reason) {
        return Uni.createFrom().completionStage(record.nack(reason));
    }

    /** The reason a contract-refused record is dead-lettered with; the contract's own reason is in its headers. */
    static final class RefusedRecordException extends RuntimeException {
        RefusedRecordException() {
            super("the record does not satisfy the event contract", null, false, false);
        }
    }
}
