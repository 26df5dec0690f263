package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader reads the registry's tables in one snapshot: every query it runs sees the transaction PostgreSQL says is
 * REPEATABLE READ and read-only, and the pooled connection goes back as it came.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class RegistryMatrixLoaderTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NavigationSettings settings;

    @Test
    void reads_every_table_in_one_read_only_repeatable_read_transaction() throws SQLException {
        List<String> seenByQueries = new CopyOnWriteArrayList<>();

        new RegistryMatrixLoader(observing(dataSource, seenByQueries), settings).load();

        assertThat(seenByQueries).hasSize(4).containsOnly("repeatable read, read-only on");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(transactionOf(connection)).isEqualTo("read committed, read-only off");
        }
    }

    /** A data source whose connections note, before each statement the loader creates, the transaction it runs in. */
    private static DataSource observing(DataSource real, List<String> seen) {
        return (DataSource) Proxy.newProxyInstance(RegistryMatrixLoaderTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return method.getName().equals("getConnection") ? observing((Connection) result, seen) : result;
                });
    }

    private static Connection observing(Connection real, List<String> seen) {
        return (Connection) Proxy.newProxyInstance(RegistryMatrixLoaderTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        seen.add(transactionOf(real));
                    }
                    return invoke(real, method, args);
                });
    }

    private static String transactionOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "select current_setting('transaction_isolation'), current_setting('transaction_read_only')")) {
            row.next();
            return row.getString(1) + ", read-only " + row.getString(2);
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
