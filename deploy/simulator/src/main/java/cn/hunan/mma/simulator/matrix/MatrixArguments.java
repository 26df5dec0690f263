package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.simulator.reference.Area;
import picocli.CommandLine.Option;

/**
 * The options that decide a matrix, shared by {@code matrix} and {@code events}: the events of
 * an area are generated against the matrix the same options produce.
 */
public final class MatrixArguments {

    @Option(names = "--area", defaultValue = "430300",
            description = "43 (all Hunan), a prefecture such as 430300 (湘潭) or a county-level unit such as 430103 (天心区). Default: ${DEFAULT-VALUE}")
    String area;

    @Option(names = "--seed", defaultValue = "42", description = "Every random choice derives from it. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--villages-per-clinic", defaultValue = "1",
            description = "One village clinic per N villages of a township. Default: ${DEFAULT-VALUE}")
    int villagesPerClinic;

    @Option(names = "--specialty-alliances", defaultValue = "" + MatrixOptions.DEFAULT_SPECIALTY_ALLIANCES,
            description = "How many specialty alliances to form (0-150). Default: ${DEFAULT-VALUE}")
    int specialtyAlliances;

    public Area area() {
        return Area.parse(area);
    }

    public long seed() {
        return seed;
    }

    public MatrixOptions options() {
        return new MatrixOptions(seed, villagesPerClinic, specialtyAlliances, MatrixOptions.DEFAULT_AS_OF);
    }

    /** The options as command-line arguments, for banners naming the command that regenerates a file. */
    public String asArguments() {
        return "--area " + area + " --seed " + seed + " --villages-per-clinic " + villagesPerClinic
                + " --specialty-alliances " + specialtyAlliances;
    }
}
