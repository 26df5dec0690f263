package cn.hunan.mma.simulator;

import cn.hunan.mma.simulator.events.EventsCommand;
import cn.hunan.mma.simulator.matrix.MatrixCommand;
import cn.hunan.mma.simulator.oracle.OracleCommand;
import cn.hunan.mma.simulator.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code deploy/simulate}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "A reproducible Hunan: the hospital matrix, years of events, replay into Kafka, and the oracle.",
        subcommands = {MatrixCommand.class, EventsCommand.class, ReplayCommand.class, OracleCommand.class})
public final class SimulatorCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCommand()).execute(args));
    }
}
