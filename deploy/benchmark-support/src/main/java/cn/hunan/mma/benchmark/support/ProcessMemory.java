package cn.hunan.mma.benchmark.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process's resident memory from {@code /proc/<pid>/status}: {@code VmRSS} now and {@code VmHWM},
 * the peak since start (or since the peak was last reset).
 */
public record ProcessMemory(long rssKib, long peakRssKib) {

    public static Optional<ProcessMemory> of(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
        } catch (IOException | IllegalArgumentException gone) {
            return Optional.empty();
        }
    }

    /**
     * Starts a new peak: writing 5 to {@code clear_refs} resets {@code VmHWM} to the current RSS
     * (Linux ≥ 4.0, owner or root). Returns whether it worked.
     */
    public static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static ProcessMemory parse(String status) {
        return new ProcessMemory(field(status, "VmRSS:"), field(status, "VmHWM:"));
    }

    public double rssMib() {
        return rssKib / 1024.0;
    }

    public double peakRssMib() {
        return peakRssKib / 1024.0;
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    return Long.parseLong(parts[0]);
                }
            }
        }
        throw new IllegalArgumentException("no " + name + " in kB in the process status");
    }
}
