package cn.hunan.mma.benchmark;

import cn.hunan.mma.benchmark.load.LoadGeneratorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code deploy/benchmark}. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Benchmarks of the matrix medical alliance platform on a fresh local stack.",
        subcommands = {NavigationBenchmark.class, LoadGeneratorCommand.class})
public final class BenchmarkCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }
}
