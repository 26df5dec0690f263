package cn.hunan.mma.benchmark.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Predicate;

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

    /**
     * The CPU (own and reaped children's) of the root's live descendants whose command line passes
     * {@code which}, 0 when none does: PostgreSQL's walsender among its backends, say (PostgreSQL
     * rewrites each backend's command line to "postgres: walsender …", "postgres: checkpointer" …).
     * A matching process that exits is no longer counted: its time moves to its parent's reaped-children figure.
     *
     * @param which tested on {@code /proc/<pid>/cmdline} with its NUL separators as spaces, trimmed
     */
    public static OptionalLong descendantsMillis(long rootPid, Predicate<String> which) {
        try {
            long total = 0;
            for (ProcessHandle descendant : ProcessHandle.of(rootPid).map(p -> p.descendants().toList()).orElseThrow()) {
                try {
                    if (which.test(commandLine(descendant.pid()))) {
                        total += parseTreeMillis(stat(descendant.pid()));
                    }
                } catch (IOException | RuntimeException exitedMeanwhile) {
                    // gone between the listing and the reading
                }
            }
            return OptionalLong.of(total);
        } catch (RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    private static String commandLine(long pid) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ').trim();
    }

    /**
     * The whole machine's busy CPU so far, every process and the kernel's own work (the first line
     * of {@code /proc/stat}); -1 when unreadable. Beside a benchmark's tracked processes it shows
     * what the neighbours on a shared box took in the same window.
     */
    public static long boxBusyMillis() {
        try {
            return ticksToMillis(parseBoxBusyTicks(Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.UTF_8).get(0)));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * "cpu  user nice system idle iowait irq softirq steal guest guest_nice": all but idle and
     * iowait (waiting for a disk is an idle CPU); guest time is already in user and nice.
     */
    static long parseBoxBusyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the all-CPUs line of /proc/stat: " + cpuLine);
        }
        long busy = 0;
        for (int field = 1; field <= Math.min(8, fields.length - 1); field++) {
            if (field != 4 && field != 5) {
                busy += Long.parseLong(fields[field]);
            }
        }
        return busy;
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
