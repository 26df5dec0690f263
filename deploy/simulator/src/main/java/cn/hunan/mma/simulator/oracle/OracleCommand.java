package cn.hunan.mma.simulator.oracle;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: replaced by the real command. */
@Command(name = "oracle", mixinStandardHelpOptions = true, description = "Computes the expected figures of an event file.")
public final class OracleCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
