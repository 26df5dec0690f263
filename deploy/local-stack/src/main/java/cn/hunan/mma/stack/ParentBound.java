package cn.hunan.mma.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * Ties a child process's life to the stack runner's. The broker watches its parent itself; a
 * Quarkus service cannot, so its command runs under a small shell that polls the runner's pid and
 * sends the service SIGTERM (a graceful Quarkus stop: the outbox relay commits its offsets) once
 * the runner is gone — also when the runner was killed with SIGKILL and its shutdown hook never ran.
 */
final class ParentBound {

    private static final String SHELL = "/bin/sh";
    /**
     * {@code $$} is the shell's pid, which {@code exec} hands to the command: the background poller
     * signals the command itself. It stops polling when either side has ended.
     */
    private static final String SCRIPT = "parent=$1; shift; "
            + "(while kill -0 \"$parent\" 2>/dev/null && kill -0 $$ 2>/dev/null; do sleep 1; done; "
            + "kill -TERM $$ 2>/dev/null) & exec \"$@\"";

    private ParentBound() {
    }

    /** The command, run so that it receives SIGTERM within about a second of {@code parentPid} ending. */
    static List<String> command(long parentPid, List<String> command) {
        List<String> bound = new ArrayList<>(command.size() + 5);
        bound.add(SHELL);
        bound.add("-c");
        bound.add(SCRIPT);
        bound.add("parent-bound");
        bound.add(Long.toString(parentPid));
        bound.addAll(command);
        return bound;
    }
}
