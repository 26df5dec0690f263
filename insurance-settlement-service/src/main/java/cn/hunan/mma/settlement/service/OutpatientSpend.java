package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.value.Period;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps what the fund paid for each outpatient or emergency visit, once per visit event id, so the budget's base
 * spend and a close's actual spend include the covered population's outpatient care. A batch is two statements
 * in one transaction: the visits are inserted (a repeated id is skipped; a visit that a stored correction already
 * names goes in superseded), then every visit a correction of the batch names is superseded — so a correction
 * replaces its original whichever arrives first. A correction naming itself names nothing.
 */
@ApplicationScoped
public class OutpatientSpend {

    private static final String INSERT = "INSERT INTO outpatient_spend (visit_event_id, institution_id, residence_division, "
            + "visit_date, fund_paid_fen, corrects_event_id, superseded, recorded_at) "
            + "SELECT v, i, r, d, f, c, EXISTS (SELECT 1 FROM outpatient_spend s WHERE s.corrects_event_id = v), $7 "
            + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::bigint[], $6::uuid[]) AS t(v, i, r, d, f, c) "
            + "ON CONFLICT (visit_event_id) DO NOTHING";
    private static final String SUPERSEDE = "UPDATE outpatient_spend SET superseded = TRUE "
            + "WHERE visit_event_id = ANY($1::uuid[]) AND NOT superseded";

    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    public OutpatientSpend(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(List<OutpatientVisitRecorded> visits) {
        if (visits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = visits.size();
        UUID[] ids = new UUID[n];
        String[] institutions = new String[n];
        String[] residences = new String[n];
        LocalDate[] dates = new LocalDate[n];
        Long[] fundPaid = new Long[n];
        UUID[] corrects = new UUID[n];
        for (int i = 0; i < n; i++) {
            OutpatientVisitRecorded visit = visits.get(i);
            ids[i] = visit.eventId().asUuid();
            institutions[i] = visit.institutionId().value();
            residences[i] = visit.residenceDivision().value();
            dates[i] = LocalDate.ofInstant(visit.occurredAt(), Period.ZONE);
            fundPaid[i] = visit.charges().fundPaid().fen();
            corrects[i] = visit.correctsEventId() == null || visit.correctsEventId().equals(visit.eventId())
                    ? null : visit.correctsEventId().asUuid();
        }
        UUID[] named = Arrays.stream(corrects).filter(Objects::nonNull).toArray(UUID[]::new);
        Tuple rows = Tuple.tuple(List.<Object>of(ids, institutions, residences, dates, fundPaid, corrects,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(rows)
                .chain(() -> named.length == 0 ? Uni.createFrom().voidItem()
                        : connection.preparedQuery(SUPERSEDE).execute(Tuple.of((Object) named)).replaceWithVoid()));
    }
}
