package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.domain.alliance.PeriodMakeup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The make-ups the matrix stated for each alliance over time: who belonged to it during a period. */
@ApplicationScoped
public class AllianceMakeups {

    // A redelivered snapshot (a consumer group reset) is the same make-up: kept once, by its event id. The make-up
    // carried over by V19 (stated at -infinity, without partners) takes its real date and partners when its snapshot
    // is redelivered; otherwise older snapshots redelivered beside it would read as in force after it.
    private static final String RECORD = "INSERT INTO alliance_makeup (event_id, alliance_id, stated_at, member_ids, "
            + "collaborating_tertiary_ids) VALUES (:eventId, :allianceId, :statedAt, string_to_array(:members, ','), "
            + "string_to_array(:tertiaries, ',')) ON CONFLICT (event_id) DO UPDATE SET stated_at = EXCLUDED.stated_at, "
            + "collaborating_tertiary_ids = EXCLUDED.collaborating_tertiary_ids WHERE alliance_makeup.stated_at = '-infinity'";

    // In force during [$2, $3): the last make-up stated by the period's start — or, when none was, the first one stated,
    // since the matrix states an alliance when it starts publishing, not when the alliance was formed — and those stated
    // after it, before the period's end. One row per member (role M) and collaborating tertiary hospital (role T), with
    // the member's level; one row of role U for each make-up in force whose tertiary hospitals are not known.
    private static final String DURING = "WITH since AS (SELECT coalesce(max(stated_at) FILTER (WHERE stated_at <= $2), "
            + "min(stated_at)) AS stated_at FROM alliance_makeup WHERE alliance_id = $1), "
            + "in_force AS (SELECT m.member_ids, m.collaborating_tertiary_ids FROM alliance_makeup m, since s "
            + "WHERE m.alliance_id = $1 AND m.stated_at >= s.stated_at AND (m.stated_at < $3 OR m.stated_at = s.stated_at)), "
            + "named AS (SELECT DISTINCT unnest(member_ids) AS id, 'M' AS role FROM in_force "
            + "UNION SELECT DISTINCT unnest(collaborating_tertiary_ids), 'T' FROM in_force) "
            + "SELECT n.id, n.role, i.level FROM named n LEFT JOIN institution i ON i.id = n.id "
            + "UNION ALL SELECT NULL, 'U', NULL FROM in_force WHERE collaborating_tertiary_ids IS NULL";

    private final Pool pool;

    public AllianceMakeups(Pool pool) {
        this.pool = pool;
    }

    /**
     * Keeps a stated make-up, in the caller's transaction. A dissolution is kept as a make-up of nobody: from then on no
     * one belongs, until the alliance is formed again (the lead it names is not a member of a dissolved alliance).
     */
    static Uni<Void> record(Mutiny.Session session, AllianceSnapshot snapshot) {
        boolean dissolved = AllianceDissolution.isDissolved(snapshot);
        return session.createNativeQuery(RECORD)
                .setParameter("eventId", snapshot.eventId().asUuid())
                .setParameter("allianceId", snapshot.allianceId().value())
                .setParameter("statedAt", snapshot.occurredAt().atOffset(ZoneOffset.UTC))
                .setParameter("members", dissolved ? "" : joined(snapshot.memberIds()))
                .setParameter("tertiaries", dissolved ? "" : joined(snapshot.collaboratingTertiaryIds()))
                .executeUpdate().replaceWithVoid();
    }

    /** Who belonged to the alliance during the period; no members when the matrix never stated a make-up of it. */
    public Uni<PeriodMakeup> during(String allianceId, Period period) {
        Tuple where = Tuple.of(allianceId, period.start().atOffset(ZoneOffset.UTC), period.end().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(DURING).execute(where).map(rows -> {
            List<PeriodMakeup.Member> members = new ArrayList<>();
            Set<String> tertiaries = new TreeSet<>();
            boolean tertiariesKnown = true;
            for (Row row : rows) {
                switch (row.getString(1)) {
                    case "M" -> members.add(new PeriodMakeup.Member(row.getString(0), level(row.getString(2))));
                    case "T" -> tertiaries.add(row.getString(0));
                    default -> tertiariesKnown = false;
                }
            }
            members.sort((a, b) -> a.institutionId().compareTo(b.institutionId()));
            return new PeriodMakeup(members, tertiariesKnown ? Optional.of(tertiaries) : Optional.empty());
        });
    }

    private static Level level(String stored) {
        return stored == null ? null : Level.valueOf(stored);
    }

    private static String joined(Collection<InstitutionId> ids) {
        return ids.stream().map(InstitutionId::value).collect(Collectors.joining(","));
    }
}
