package cn.hunan.mma.benchmark.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process's CPU time (user + system) from {@code /proc/<pid>/stat}. On a shared, busy box
 * latencies mostly measure the neighbours; CPU time per referral flow is the service's own cost.
 */
final class ProcessCpu {

    /** {@code USER_HZ}: clock ticks per second of {@code /proc} figures, 100 on every Linux build that matters. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    static OptionalLong millis(long pid) {
        try {
            return OptionalLong.of(parseMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /** Fields 14 and 15 (utime, stime) counted after the command name, which may itself hold spaces. */
    static long parseMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
