package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.benchmark.support.PostgresStatements;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's statements over the drain (pg_stat_statements, readiness → the drain's end), the
 * most executor time first, per row written or read: a settlement's cost is per case, and the
 * service batches, so per call would hide it. A statement that returns no rows (a lock, a
 * {@code select … for update} counted by calls) is shown per call.
 */
record DrainStatements(List<PostgresStatements.Figures> statements, long cases) {

    static final int TOP = 6;
    private static final int TEXT_WIDTH = 80;

    List<String> lines() {
        if (statements.isEmpty() || cases <= 0) {
            return List.of();
        }
        double executorMillis = statements.stream().mapToDouble(PostgresStatements.Figures::totalExecMillis).sum();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("PostgreSQL statements while draining (pg_stat_statements): executor time %.1f s over %d statements,"
                + " %.1f µs per case — wall time inside the executor, so on a busy box it includes waiting for a CPU;"
                + " parse, bind, round trips and commits' WAL flushes are not in it. The %d with the most:",
                executorMillis / 1000, statements.size(), executorMillis * 1000 / cases, Math.min(TOP, statements.size())));
        lines.add(String.format("  %11s %11s %9s %-4s %9s %8s %7s  %s", "calls", "rows", "exec µs", "per", "WAL B", "µs/case",
                "exec s", "statement"));
        statements.stream().limit(TOP).forEach(figures -> lines.add(line(figures, cases)));
        return lines;
    }

    /** Per row (or call), and per case: what a row is differs by statement (the outbox's rows are batches of events). */
    static String line(PostgresStatements.Figures figures, long cases) {
        boolean perRow = figures.rows() > 0;
        long per = perRow ? figures.rows() : figures.calls();
        String text = figures.query().replaceAll("\\s+", " ").strip();
        return String.format("  %,11d %,11d %9.1f %-4s %9.0f %8.2f %7.1f  %s", figures.calls(), figures.rows(),
                figures.totalExecMillis() * 1000 / per, perRow ? "row" : "call", (double) figures.walBytes() / per,
                figures.totalExecMillis() * 1000 / cases, figures.totalExecMillis() / 1000, text.length() <= TEXT_WIDTH ? text : text.substring(0, TEXT_WIDTH - 1) + "…");
    }
}
