package cn.hunan.mma.infra.broker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/** The child's command line, parsed. See {@link BrokerProtocol} for the options. */
record BrokerArguments(Path workDir, int port, int controllerPort, OptionalLong parentPid, boolean exitOnStdinEof) {

    BrokerArguments {
        Objects.requireNonNull(workDir, BrokerProtocol.WORK_DIR + " is required");
        requirePort(BrokerProtocol.PORT, port);
        requirePort(BrokerProtocol.CONTROLLER_PORT, controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("client and controller ports must differ, both are " + port);
        }
    }

    static BrokerArguments parse(String... args) {
        Path workDir = null;
        int port = 0;
        int controllerPort = 0;
        OptionalLong parentPid = OptionalLong.empty();
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case BrokerProtocol.WORK_DIR -> workDir = Path.of(valueOf(args, ++i, option)).toAbsolutePath();
                case BrokerProtocol.PORT -> port = Integer.parseInt(valueOf(args, ++i, option));
                case BrokerProtocol.CONTROLLER_PORT -> controllerPort = Integer.parseInt(valueOf(args, ++i, option));
                case BrokerProtocol.PARENT_PID -> parentPid = OptionalLong.of(Long.parseLong(valueOf(args, ++i, option)));
                case BrokerProtocol.EXIT_ON_STDIN_EOF -> exitOnStdinEof = true;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BrokerArguments(workDir, port, controllerPort, parentPid, exitOnStdinEof);
    }

    String bootstrapServers() {
        return BrokerSettings.HOST + ":" + port;
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static void requirePort(String option, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(option + " must be a TCP port, was " + port);
        }
    }
}
