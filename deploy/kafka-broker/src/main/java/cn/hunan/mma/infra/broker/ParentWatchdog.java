package cn.hunan.mma.infra.broker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Ends the broker when whoever started it is gone, so a killed test JVM or local-stack runner
 * never leaves an orphan broker holding ports and files. Two independent signals: the parent's
 * pid disappears (polled), or stdin reaches end of file (the kernel closes the pipe when the
 * parent dies, however it dies).
 */
final class ParentWatchdog {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** A graceful stop that takes longer than this is abandoned with Runtime.halt. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private ParentWatchdog() {
    }

    static void start(BrokerArguments arguments) {
        arguments.parentPid().ifPresent(pid -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(pid);
            if (parent.isEmpty()) {
                exit("parent process " + pid + " is already gone");
            }
            daemon("parent-pid-watchdog", () -> pollUntilGone(parent.get()));
        });
        if (arguments.exitOnStdinEof()) {
            daemon("stdin-eof-watchdog", ParentWatchdog::readUntilEndOfFile);
        }
    }

    private static void pollUntilGone(ProcessHandle parent) {
        // ProcessHandle.isAlive also compares the start time, so a recycled pid does not fool it.
        while (parent.isAlive()) {
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        exit("parent process " + parent.pid() + " is gone");
    }

    private static void readUntilEndOfFile() {
        byte[] buffer = new byte[256];
        try (InputStream in = System.in) {
            while (in.read(buffer) >= 0) {
                // The launcher never writes; anything arriving is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end of file: nobody is listening any more.
        }
        exit("stdin closed");
    }

    private static void exit(String reason) {
        System.out.println("Stopping the broker: " + reason);
        System.out.flush();
        daemon("shutdown-deadline", () -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(2);
        });
        // Runs the broker's shutdown hook: a clean stop keeps a reused work directory consistent.
        System.exit(0);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
