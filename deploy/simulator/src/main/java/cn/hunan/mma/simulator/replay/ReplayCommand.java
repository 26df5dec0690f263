package cn.hunan.mma.simulator.replay;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: replaced by the real command. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Sends an event file to Kafka.")
public final class ReplayCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
