package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.TreatingRange;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the whole registry (and its diagnosis → department ranges) into a {@link RegistryMatrixView}.
 *
 * <p>Blocking JDBC (the datasource Flyway uses), called on a worker thread by
 * {@link RegistryMatrixHolder}: 85,000 rows materialised by Hibernate Reactive would occupy the
 * Vert.x event loop for seconds, and that loop serves every HTTP request and the capacity API.
 * One read-only REPEATABLE READ transaction, so the four tables are read as of one moment: PostgreSQL takes its
 * snapshot at the first query and keeps it to the commit (READ COMMITTED, the default, takes one per statement, so an
 * import committing between two of the queries would give specialties of institutions the view has not read).
 */
@ApplicationScoped
public class RegistryMatrixLoader {

    private static final String INSTITUTIONS = "select id, name, level, kind, division_code, latitude, longitude,"
            + " active, last_event_id, last_event_at from institution";
    private static final String SPECIALTIES = "select institution_id, department_id, name, tag, last_event_id,"
            + " last_event_at from specialty";
    private static final String CATALOGUE = "select icd10_prefix, lowest_inpatient_level, primary_level_disease,"
            + " catalogue_version, last_event_id, last_event_at from guidance_catalogue_entry";
    private static final String TREATING = "select icd10_from, icd10_to, department_id from diagnosis_department";
    private static final int FETCH_SIZE = 2_000;

    private final DataSource dataSource;
    private final Map<String, Set<DepartmentId>> treating;

    public RegistryMatrixLoader(DataSource dataSource, NavigationSettings settings) {
        this.dataSource = dataSource;
        this.treating = settings.treating().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey,
                entry -> entry.getValue().stream().map(DepartmentId::of).collect(Collectors.toUnmodifiableSet())));
    }

    /** Blocks while reading: never call it on an event loop. */
    public RegistryMatrixView load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                RegistryMatrixView view = new RegistryMatrixView(
                        rows(connection, INSTITUTIONS, RegistryMatrixLoader::institution),
                        rows(connection, SPECIALTIES, RegistryMatrixLoader::specialty),
                        rows(connection, CATALOGUE, RegistryMatrixLoader::catalogueEntry),
                        rows(connection, TREATING, RegistryMatrixLoader::treatingRange),
                        treating);
                connection.commit();
                return view;
            } finally {
                connection.rollback(); // a no-op after the commit; after a failure, ends the transaction
                connection.setTransactionIsolation(isolation);
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> List<T> rows(Connection connection, String query, RowMapper<T> mapper) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet row = statement.executeQuery(query)) {
                List<T> mapped = new ArrayList<>();
                while (row.next()) {
                    mapped.add(mapper.map(row));
                }
                return mapped;
            }
        }
    }

    private static TreatingRange treatingRange(ResultSet row) throws SQLException {
        return new TreatingRange(row.getString(1), row.getString(2), DepartmentId.of(row.getString(3)));
    }

    private static InstitutionSnapshot institution(ResultSet row) throws SQLException {
        return new InstitutionSnapshot(eventId(row, 9), instant(row, 10), InstitutionId.of(row.getString(1)),
                row.getString(2), Level.valueOf(row.getString(3)), InstitutionKind.valueOf(row.getString(4)),
                DivisionCode.of(row.getString(5)), row.getBigDecimal(6), row.getBigDecimal(7), List.of(),
                row.getBoolean(8));
    }

    private static SpecialtySnapshot specialty(ResultSet row) throws SQLException {
        return new SpecialtySnapshot(eventId(row, 5), instant(row, 6), InstitutionId.of(row.getString(1)),
                DepartmentId.of(row.getString(2)), row.getString(3), SpecialtyTag.valueOf(row.getString(4)));
    }

    private static GuidanceCatalogueEntry catalogueEntry(ResultSet row) throws SQLException {
        return new GuidanceCatalogueEntry(eventId(row, 5), instant(row, 6), Icd10Code.of(row.getString(1)),
                Level.valueOf(row.getString(2)), row.getBoolean(3), row.getString(4));
    }

    private static EventId eventId(ResultSet row, int column) throws SQLException {
        return EventId.of(row.getObject(column, UUID.class));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at.toInstant();
    }
}
