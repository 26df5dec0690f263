package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns away a record the scorer would count, but whose institution the matrix does not hold: it goes to its
 * topic's dead-letter topic ({@code INVALID_VALUE}, path {@code institutionId}) instead of counting nowhere
 * without a trace. A hospital that reports before the matrix import reaches the scorer would otherwise lose
 * those records for good (the ledger would remember them as arrived, so not even a replay could count them);
 * dead-lettered, they are not in the ledger, and replaying them once the matrix holds the institution counts
 * them. Records of types the rule set counts nothing of pass: they count nowhere by design.
 */
final class MatrixGate implements Processor<byte[], Decoding, byte[], Decoding> {

    private final Attribution attribution;
    private final AtomicLong matrixChanges;
    private ProcessorContext<byte[], Decoding> context;
    private MatrixView matrix;

    MatrixGate(Attribution attribution, AtomicLong matrixChanges) {
        this.attribution = attribution;
        this.matrixChanges = matrixChanges;
    }

    @Override
    public void init(ProcessorContext<byte[], Decoding> context) {
        this.context = context;
        this.matrix = MatrixView.of(context, matrixChanges);
    }

    @Override
    public void process(Record<byte[], Decoding> decoded) {
        Decoding decoding = decoded.value();
        Optional<InstitutionId> unknown = decoding.accepted()
                ? attribution.unknownInstitution(decoding.record(), matrix) : Optional.empty();
        if (unknown.isEmpty()) {
            context.forward(decoded);
            return;
        }
        RecordMetadata source = context.recordMetadata().orElseThrow();
        new DeadLetterHeaders(Reason.INVALID_VALUE, "institutionId", "institution " + unknown.get()
                + " is not in the matrix: replay the record once the matrix holds it",
                source.topic(), source.partition(), source.offset()).writeTo(decoded.headers());
        context.forward(decoded.withValue(new Decoding(null, decoding.bytes(), decoding.input())));
    }
}
