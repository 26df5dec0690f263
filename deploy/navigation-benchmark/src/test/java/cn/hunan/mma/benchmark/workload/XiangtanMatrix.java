package cn.hunan.mma.benchmark.workload;

import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.reference.Area;

/** The simulator's 湘潭 (430300) matrix, seed 42, generated once per test JVM (about 2 s). */
public final class XiangtanMatrix {

    public static final HospitalMatrix PROVINCE = MatrixGenerator.generate(MatrixOptions.defaults(42));
    public static final AreaMatrix AREA = AreaMatrix.of(PROVINCE, Area.parse("430300"));

    private XiangtanMatrix() {
    }
}
