package cn.hunan.mma.settlement.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the reads over a covered population's stays and visits (a close's and a budget's inputs), each planned for its
 * own values. The client keeps its prepared statements, and after five runs of one PostgreSQL may switch to a generic
 * plan, estimated without the values: a county's 60,000 stays of a half-year were then estimated at a few hundred, and
 * the members' contributions took 10 times as long as under a plan for the county and dates asked (195 against 18.5
 * ms at 15 million cases, 2026-11-25). The settling path's statements — lookups by key, planned the same for any
 * values — keep the default: forcing it for them too cost the drain ~2 µs a case of re-planning.
 */
@ApplicationScoped
public class CoveredResidentReads {

    private final Pool pool;

    public CoveredResidentReads(Pool pool) {
        this.pool = pool;
    }

    /** {@code sql} with {@code values}, planned for them (in a transaction of its own: the setting ends with it). */
    public Uni<RowSet<Row>> execute(String sql, Tuple values) {
        return pool.withTransaction(connection -> connection.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
                .chain(() -> connection.preparedQuery(sql).execute(values)));
    }
}
