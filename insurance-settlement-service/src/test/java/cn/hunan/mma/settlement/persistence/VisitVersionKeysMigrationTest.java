package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.rest.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V27 run as Flyway runs it, on an outpatient_spend table as V10 left it (in a schema of its own, rolled back), holding
 * rows stored before V27: corrections name the version they correct and have no key of their own.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class VisitVersionKeysMigrationTest {

    private static final String V27 = "db/migration/V27__one_standing_version_per_visit.sql";

    private final UUID p = UUID.randomUUID();
    private final UUID c1 = UUID.randomUUID();
    private final UUID c2 = UUID.randomUUID();
    private final UUID c3 = UUID.randomUUID();

    /** P, replaced by C1, replaced by C3: C3 stands, keyed by P, where a correction of P recorded later will be keyed. */
    @Test
    void a_standing_correction_stored_before_v27_is_keyed_by_its_visits_first_report() throws Exception {
        try (Connection db = beforeV27()) {
            stored(db, p, null, true);
            stored(db, c1, p, true);
            stored(db, c3, c1, false);

            migrate(db);

            try (PreparedStatement key = db.prepareStatement("SELECT visit_id FROM outpatient_spend WHERE visit_event_id = ?")) {
                key.setObject(1, c3);
                try (ResultSet row = key.executeQuery()) {
                    row.next();
                    assertThat(row.getObject(1)).isEqualTo(p);
                }
            }
        }
    }

    /**
     * C1 and C2 both correct P and both stood (a race before V27); then C3 corrected C1. C2 (naming P) and C3 (naming
     * C1) stand for one visit: keyed by what they name they passed the index and stayed counted twice. Keyed by the
     * first report, P, the index cannot be built, and the listing query V27's comment gives finds them.
     */
    @Test
    void two_versions_of_a_visit_standing_before_v27_stop_it_and_are_listed_by_its_query() throws Exception {
        try (Connection db = beforeV27()) {
            stored(db, p, null, true);
            stored(db, c1, p, true);
            stored(db, c2, p, false);
            stored(db, c3, c1, false);

            assertThat(listed(db)).containsExactly(Map.entry(p, Set.of(c2, c3)));
            assertThatThrownBy(() -> migrate(db)).isInstanceOf(SQLException.class)
                    .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).isEqualTo("23505"))
                    .hasMessageContaining("outpatient_spend_one_standing_version");
        }
    }

    /** A transaction (never committed: closing the connection rolls it back) whose search path finds an outpatient_spend without V27's column and index. */
    private static Connection beforeV27() throws SQLException {
        Connection db = TestDatabase.connect();
        db.setAutoCommit(false);
        try (Statement setUp = db.createStatement()) {
            setUp.execute("CREATE SCHEMA before_v27");
            setUp.execute("CREATE TABLE before_v27.outpatient_spend (LIKE public.outpatient_spend INCLUDING DEFAULTS "
                    + "INCLUDING GENERATED INCLUDING INDEXES)");
            setUp.execute("ALTER TABLE before_v27.outpatient_spend DROP COLUMN visit_id");   // and V27's index with it
            setUp.execute("SET LOCAL search_path = before_v27");
        }
        return db;
    }

    private static void migrate(Connection db) throws IOException, SQLException {
        try (Statement migration = db.createStatement()) {
            migration.execute(script());
        }
    }

    /** The first reports the query in V27's comment lists, each with its standing versions. */
    private static Map<UUID, Set<UUID>> listed(Connection db) throws IOException, SQLException {
        String query = script().lines().filter(line -> line.startsWith("--   ")).map(line -> line.substring(2))
                .collect(Collectors.joining("\n"));
        Map<UUID, Set<UUID>> listed = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                Array versions = rows.getArray(2);
                listed.put((UUID) rows.getObject(1), Set.copyOf(Arrays.asList((UUID[]) versions.getArray())));
            }
        }
        return listed;
    }

    private static String script() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(V27)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A version of a visit of ¥50.00 to the fund, stored as before V27. */
    private static void stored(Connection db, UUID id, UUID corrects, boolean superseded) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO outpatient_spend (visit_event_id, institution_id, "
                + "residence_division, visit_date, fund_paid_fen, corrects_event_id, superseded, recorded_at) "
                + "VALUES (?, '430321T0101', '430321', DATE '2019-03-01', 5000, ?, ?, now())")) {
            insert.setObject(1, id);
            insert.setObject(2, corrects);
            insert.setBoolean(3, superseded);
            insert.executeUpdate();
        }
    }
}
