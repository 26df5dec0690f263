package cn.hunan.mma.referral.capacity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;

/** Reads one department's reserved referral capacity. */
@ApplicationScoped
public class ReservedCapacityQueries {

    /** One clinic session's referral slots: reserved, held by scheduled referrals, released to the public. */
    public record SessionPool(LocalDate date, String period, boolean expert, int reserved, int held, int releasedToPublic) {
    }

    /** The ward's referral beds. */
    public record BedPool(int reserved, int held) {
    }

    private final Mutiny.SessionFactory sessions;

    public ReservedCapacityQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<List<SessionPool>> sessions(String institution, String department) {
        return sessions.withSession(session -> session.createNativeQuery("select session_date, period, expert, reserved,"
                                + " held, released_to_public from reserved_slot_pool"
                                + " where institution_id = :institution and department_id = :department and published"
                                + " order by session_date, period", Object[].class)
                        .setParameter("institution", institution).setParameter("department", department)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new SessionPool(toDate(row[0]), (String) row[1], (Boolean) row[2],
                        ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), ((Number) row[5]).intValue())).toList());
    }

    public Uni<List<BedPool>> beds(String institution, String department) {
        return sessions.withSession(session -> session.createNativeQuery("select reserved, held from reserved_bed_pool"
                                + " where institution_id = :institution and department_id = :department", Object[].class)
                        .setParameter("institution", institution).setParameter("department", department)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new BedPool(((Number) row[0]).intValue(), ((Number) row[1]).intValue()))
                        .toList());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
