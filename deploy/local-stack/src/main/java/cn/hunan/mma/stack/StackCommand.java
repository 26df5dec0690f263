package cn.hunan.mma.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code deploy/run} and {@code deploy/token}. */
@Command(name = "mma-stack", mixinStandardHelpOptions = true,
        description = "The local stack of the matrix medical alliance platform.",
        subcommands = {RunCommand.class, TokenCommand.class})
public final class StackCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new StackCommand()).execute(args));
    }
}
