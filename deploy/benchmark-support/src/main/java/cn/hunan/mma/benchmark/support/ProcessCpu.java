package cn.hunan.mma.benchmark.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process's CPU time from {@code /proc/<pid>/stat}. On a shared, busy box latencies mostly
 * measure the neighbours; CPU time per call is each process's own cost.
 */
public final class ProcessCpu {

    /** {@code USER_HZ}: clock ticks per second of {@code /proc} figures, 100 on every Linux build that matters. */
    public static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The process's own CPU (user + system, all its threads). */
    public static OptionalLong millis(long pid) {
        try {
            return OptionalLong.of(parseMillis(stat(pid)));
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /**
     * The CPU of the process and all its live descendants, plus whatever children they have already
     * reaped: PostgreSQL's work is done by the postmaster's backend processes, and a JVM started
     * through a wrapper is the wrapper's child. A live process's time is in no one's reaped-children
     * figure yet, so nothing counts twice.
     */
    public static OptionalLong treeMillis(long rootPid) {
        try {
            long total = parseTreeMillis(stat(rootPid));
            for (ProcessHandle descendant : ProcessHandle.of(rootPid).map(p -> p.descendants().toList()).orElseThrow()) {
                try {
                    total += parseTreeMillis(stat(descendant.pid()));
                } catch (IOException | RuntimeException exitedMeanwhile) {
                    // its time is now in its parent's reaped-children figure, or lost with a short-lived process
                }
            }
            return OptionalLong.of(total);
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /** Fields 14 and 15 (utime, stime) counted after the command name, which may itself hold spaces. */
    static long parseMillis(String stat) {
        return ticksToMillis(ticks(stat));
    }

    /**
     * utime + stime of a process's or a thread's ({@code /proc/<pid>/task/<tid>/stat}) stat line, in
     * clock ticks ({@link #TICKS_PER_SECOND} a second).
     */
    public static long ticks(String stat) {
        String[] fields = fieldsAfterName(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The command (a thread's name, for a task's stat line): what the parentheses hold. */
    public static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** Fields 14 to 17: utime, stime and the reaped children's cutime, cstime. */
    static long parseTreeMillis(String stat) {
        String[] fields = fieldsAfterName(stat);
        return ticksToMillis(Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]));
    }

    private static String stat(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    private static long ticksToMillis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
