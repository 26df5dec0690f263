package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.benchmark.support.PostgresStatements;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DrainStatementsTest {

    @Test
    void a_statement_is_shown_per_row_it_touched() {
        // 2,500 ms over 50,000 rows = 50.0 µs a row; 25,000,000 WAL bytes / 50,000 = 500 a row; over 200,000 cases 12.50 µs a case.
        String line = DrainStatements.line(new PostgresStatements.Figures("insert into case_settlement\n  (a, b) values ($1, $2)",
                100, 2_500, 50_000, 25_000_000, 0), 200_000);

        assertThat(line).isEqualTo(String.format("  %11s %11s %9s %-4s %9s %8s %7s  %s", "100", "50,000", "50.0", "row", "500", "12.50", "2.5",
                "insert into case_settlement (a, b) values ($1, $2)"));
    }

    @Test
    void a_statement_without_rows_is_shown_per_call() {
        // 30 ms over 200 calls = 150.0 µs a call; 4,000 WAL bytes / 200 = 20 a call; over 1,000 cases 30.00 µs a case.
        String line = DrainStatements.line(new PostgresStatements.Figures("select pg_advisory_xact_lock($1)", 200, 30, 0, 4_000, 0), 1_000);

        assertThat(line).contains(" 150.0 call ").contains("      20    30.00 ").endsWith("  select pg_advisory_xact_lock($1)");
    }

    @Test
    void the_six_with_the_most_executor_time_under_a_header_that_says_it_is_wall_time() {
        List<PostgresStatements.Figures> statements = new ArrayList<>();
        for (int i = 8; i >= 1; i--) { // 8,000 ms down to 1,000 ms: 36,000 ms in all
            statements.add(new PostgresStatements.Figures("statement " + i, 10, i * 1_000, 10, 0, 0));
        }

        List<String> lines = new DrainStatements(statements, 1_000_000).lines();

        // 36,000 ms over 1,000,000 cases = 36.0 µs a case; a header, the column titles and six statements.
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).contains("executor time 36.0 s over 8 statements, 36.0 µs per case")
                .contains("includes waiting for a CPU").contains("The 6 with the most:");
        assertThat(lines.get(2)).endsWith("statement 8");
        assertThat(lines.get(7)).endsWith("statement 3");
        assertThat(new DrainStatements(List.of(), 1_000).lines()).isEmpty();
    }
}
