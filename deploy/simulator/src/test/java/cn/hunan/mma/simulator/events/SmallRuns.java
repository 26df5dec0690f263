package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.faults.FaultRates;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.reference.Area;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small, fast runs shared by the tests: 韶山市 (430382, about 100,000 residents) for a few days.
 * Province matrices are cached per seed; generating one takes about a second.
 */
final class SmallRuns {

    static final Area SHAOSHAN = Area.parse("430382");
    private static final Map<Long, HospitalMatrix> MATRICES = new HashMap<>();

    private SmallRuns() {
    }

    static synchronized HospitalMatrix matrix(long seed) {
        return MATRICES.computeIfAbsent(seed, key -> MatrixGenerator.generate(MatrixOptions.defaults(key)));
    }

    static Simulation simulation(long seed, LocalDate first, int days, FaultRates faults, int threads) {
        AreaMatrix area = AreaMatrix.of(matrix(seed), SHAOSHAN);
        return new Simulation(area, new RunOptions(seed, first, days, faults, threads, RunOptions.DEFAULT_RESERVED_EXPERT_SHARE));
    }

    static List<cn.hunan.mma.simulator.io.EventLine> lines(Simulation simulation) {
        CollectingSink sink = new CollectingSink();
        simulation.run(sink, Simulation.Progress.NONE);
        return sink.lines();
    }
}
