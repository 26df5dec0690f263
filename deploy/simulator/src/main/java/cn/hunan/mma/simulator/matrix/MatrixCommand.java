package cn.hunan.mma.simulator.matrix;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: replaced by the real command. */
@Command(name = "matrix", mixinStandardHelpOptions = true, description = "Generates the hospital matrix of an area.")
public final class MatrixCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
