package cn.hunan.mma.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs child processes in their own session, away from the terminal's process group. Ctrl-C in a
 * terminal signals the whole foreground group: without this, the broker and the services would all
 * stop at once, in no order (a service whose broker is already gone cannot flush its outbox offsets),
 * instead of in the order the parent's shutdown hook chooses.
 */
public final class OwnSession {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private OwnSession() {
    }

    /** The command prefixed with {@code setsid} where the system has it (util-linux), else as it is. */
    public static List<String> command(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }
}
