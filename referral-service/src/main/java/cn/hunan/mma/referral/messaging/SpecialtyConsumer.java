package cn.hunan.mma.referral.messaging;

import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.topic.SpecialtyKey;
import cn.hunan.mma.platform.messaging.DatabaseOutages;
import cn.hunan.mma.referral.persistence.MatrixDepartments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the departments the matrix states ({@code mma.matrix.specialties}, every tag) in {@link MatrixDepartments}.
 * Records the contract rejects never get here: they go to the topic's dead-letter topic (application.properties). The
 * contract has no withdrawal of a department (navigation's outbox sends no tombstones; an institution that closes is
 * stated inactive on the institutions topic), but a tombstone is what deletes a key on a compacted topic, so one is
 * honoured: the department is no longer stated.
 */
@ApplicationScoped
public class SpecialtyConsumer {

    static final String SPECIALTIES = "specialties";

    private final MatrixDepartments departments;

    public SpecialtyConsumer(MatrixDepartments departments) {
        this.departments = departments;
    }

    @Incoming(SPECIALTIES)
    public Uni<Void> specialty(ConsumerRecord<String, SpecialtySnapshot> record) {
        SpecialtySnapshot specialty = record.value();
        if (specialty == null) {
            // A missing or malformed key fails the record, which is dead-lettered with the reason (failure-strategy).
            SpecialtyKey withdrawn = SpecialtyKey.parse(String.valueOf(record.key()));
            return DatabaseOutages.retried(() -> departments.withdrawn(withdrawn), "withdrawing department " + withdrawn);
        }
        return DatabaseOutages.retried(() -> departments.stated(specialty),
                "stating department " + SpecialtyKey.of(specialty));
    }
}
