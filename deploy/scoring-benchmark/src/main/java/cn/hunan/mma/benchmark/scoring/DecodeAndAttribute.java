package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.streams.ScorerParts;
import cn.hunan.mma.simulator.io.MatrixFiles;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.util.Collector;

import java.nio.file.Path;

/**
 * Decode and attribute with the scorer's code ({@link ScorerParts}), emitting ledger messages keyed by event id: the
 * arrival with its contribution and, for a correction, word to the id it names. Rejected records are counted, not
 * sent to a dead-letter topic (about 0.1 % of the input; the scorer does send them).
 */
final class DecodeAndAttribute extends RichFlatMapFunction<Tuple3<String, byte[], byte[]>, Tuple4<String, Boolean, Boolean, byte[]>> {

    private static final byte[] NOTHING = new byte[0];

    private final String matrixDirectory;
    private transient ScorerParts parts;

    DecodeAndAttribute(String matrixDirectory) {
        this.matrixDirectory = matrixDirectory;
    }

    @Override
    public void open(OpenContext context) {
        Path matrix = Path.of(matrixDirectory);
        parts = new ScorerParts(RuleSetJson.seed(), MatrixFiles.institutions(matrix), MatrixFiles.alliances(matrix));
    }

    @Override
    public void flatMap(Tuple3<String, byte[], byte[]> raw, Collector<Tuple4<String, Boolean, Boolean, byte[]>> out) {
        ContractRecord record = parts.decode(raw.f0, raw.f1, raw.f2);
        if (record == null) {
            return;
        }
        ScorerParts.Attributed attributed = parts.attribute(record);
        out.collect(Tuple4.of(attributed.eventId(), true, attributed.replaceable(), attributed.contribution()));
        if (attributed.correctsEventId() != null) {
            out.collect(Tuple4.of(attributed.correctsEventId(), false, false, NOTHING));
        }
    }
}
