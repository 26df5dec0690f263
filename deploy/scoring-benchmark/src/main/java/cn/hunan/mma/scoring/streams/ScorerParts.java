package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.scoring.domain.MeasureDefinition;
import cn.hunan.mma.scoring.domain.RuleSet;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scorer's own decode and attribution code, opened up for the benchmark's other contenders (the
 * Flink job and the plain-Java pass) so that all of them count the same indicators with the same code.
 * It lives in the scorer's package because {@code Attribution}, {@code Contribution} and {@code MatrixView}
 * are package-private there; the benchmark must not edit the service, so this class is the only bridge
 * (README "What the service could open up"). Not thread-safe: one per thread or operator instance, like
 * the scorer's per-task {@code MatrixView}.
 */
public final class ScorerParts {

    private final ContractCodec codec;
    private final Attribution attribution;
    private final MatrixView matrix;
    private final List<String> measureIds;

    /** What one accepted record tells the ledger: its arrival, its contribution (empty: counts nowhere), the id it corrects. */
    public record Attributed(String eventId, boolean replaceable, byte[] contribution, String correctsEventId) {
    }

    /** Receives one scope's amounts of one contribution: {@code key} is the totals key "SCOPE|month". */
    @FunctionalInterface
    public interface ScopeSink {
        void add(String key, int[] measures, long[] amounts, int sign, String eventId);
    }

    public ScorerParts(RuleSet countingRules, List<InstitutionSnapshot> institutions, List<AllianceSnapshot> alliances) {
        this.codec = ContractCodec.standard();
        this.attribution = new Attribution(countingRules.measures());
        this.measureIds = countingRules.measures().stream().map(MeasureDefinition::id).toList();
        this.matrix = new MatrixView(MapStore.of(institutions, i -> i.institutionId().value()),
                MapStore.of(alliances, a -> a.allianceId().value()), new AtomicLong());
    }

    /** The counting measures' ids, by the positions contributions use. */
    public List<String> measureIds() {
        return measureIds;
    }

    /**
     * Decodes as the scorer's {@code DecodeProcessor} does (the key must parse as the topic's key type, the value with
     * the contract codec); null when the record would go to the dead-letter topic.
     */
    public ContractRecord decode(String topicName, byte[] key, byte[] value) {
        Topic<?, ?> topic = Topics.byName(topicName).orElseThrow(() -> new IllegalArgumentException("unknown topic " + topicName));
        if (key == null) {
            return null;
        }
        try {
            topic.keySerde().deserializer().deserialize(topic.name(), key);
        } catch (RejectedRecordException e) {
            return null;
        }
        return codec.decode(value, topic.valueType()) instanceof DecodeResult.Decoded<?> decoded ? decoded.record() : null;
    }

    /** As the scorer's {@code AttributionProcessor}: the contribution, and the id a correction names (never itself). */
    public Attributed attribute(ContractRecord record) {
        Contribution contribution = attribution.contribution(record, matrix);
        String corrects = record instanceof HospitalReport report && report.replaces() != null ? report.replaces().value() : null;
        return new Attributed(record.eventId().value(), !(record instanceof ReferralEvent),
                contribution == null ? new byte[0] : contribution.toBytes(), corrects);
    }

    /** Every scope of a contribution (bytes as {@link #attribute} made them), with the sign the ledger decided. */
    public static void forEachScope(byte[] contribution, int sign, ScopeSink sink) {
        if (contribution.length == 0) {
            return;
        }
        Contribution read = Contribution.fromBytes(contribution);
        for (Contribution.ScopeAmounts scope : read.scopes()) {
            sink.add(TotalsKeys.of(scope.scope(), read.month()), scope.measures(), scope.amounts(), sign, read.eventId());
        }
    }
}
