package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.topic.SpecialtyKey;
import cn.hunan.mma.referral.domain.ReceivingDepartment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;

/**
 * The departments the matrix states for each institution ({@code matrix_department}, V9), as the specialties topic
 * states them. Every statement and withdrawal is idempotent and applied in the topic's order for its key, so a record
 * redelivered after a restart changes nothing.
 */
@ApplicationScoped
public class MatrixDepartments {

    private static final String STATE = "insert into matrix_department (institution_id, department_id, stated_at)"
            + " values ($1, $2, $3) on conflict (institution_id, department_id)"
            + " do update set stated_at = greatest(matrix_department.stated_at, excluded.stated_at)";
    private static final String WITHDRAW = "delete from matrix_department where institution_id = $1 and department_id = $2";
    // Two primary-key probes: the department itself, and whether the institution has any.
    private static final String RECEIVING = "select exists (select 1 from matrix_department"
            + " where institution_id = $1 and department_id = $2),"
            + " exists (select 1 from matrix_department where institution_id = $1)";

    private final Pool pool;

    public MatrixDepartments(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> stated(SpecialtySnapshot specialty) {
        return pool.preparedQuery(STATE).execute(Tuple.of(specialty.institutionId().value(),
                specialty.departmentId().value(), specialty.occurredAt().atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Void> withdrawn(SpecialtyKey specialty) {
        return pool.preparedQuery(WITHDRAW).execute(Tuple.of(specialty.institutionId().value(),
                specialty.departmentId().value())).replaceWithVoid();
    }

    /** What the matrix states about the department a referral names at its receiver. */
    public Uni<ReceivingDepartment> receiving(ReferralParty receiver) {
        return pool.preparedQuery(RECEIVING).execute(Tuple.of(receiver.institutionId().value(),
                receiver.departmentId().value())).map(rows -> {
                    Row row = rows.iterator().next();
                    return new ReceivingDepartment(row.getBoolean(1), row.getBoolean(0));
                });
    }
}
