package cn.hunan.mma.simulator.events;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: replaced by the real command. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Generates events for an area and period.")
public final class EventsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
