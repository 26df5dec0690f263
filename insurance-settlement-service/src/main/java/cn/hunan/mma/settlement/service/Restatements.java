package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.platform.messaging.ConcurrentChangeException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A stored settlement announced again, as it stands, replacing versions of its stay a batch retired
 * ({@link DischargeBatch.Outcome#restated}). It happens when a late version arrives between a stored correction that
 * stood beside an older version and that older version (or what replaced it in the batch): the late version is stored
 * replaced and retires them, but is announced to no one — the stored correction stands, so it is the one a consumer
 * following {@code supersedes} hears it from. The contract's consumers keep the latest settlement per discharge (as for
 * a review decision's republication), so the restatement changes nothing else.
 */
final class Restatements {

    // The rows as they stand now (a review decision may have changed the fund payable); FOR SHARE holds a decision
    // until the batch commits, so the restatement cannot announce an amount a decision has already replaced.
    private static final String STANDING = "SELECT discharge_event_id, institution_id, method, group_code, standard_fen, actual_fen, "
            + "fund_payable_fen, outlier, rule_version FROM case_settlement WHERE discharge_event_id = ANY($1::uuid[]) "
            + "AND NOT superseded FOR SHARE";

    private Restatements() {
    }

    /** The restatements of the rows, at {@code at}; a row replaced meanwhile by another batch settles the batch again. */
    static Uni<List<CaseSettled>> read(SqlConnection connection, Map<UUID, List<EventId>> restated, Instant at) {
        if (restated.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery(STANDING).execute(Tuple.of((Object) restated.keySet().toArray(UUID[]::new))).map(rows -> {
            List<CaseSettled> events = new ArrayList<>();
            Set<UUID> missing = new HashSet<>(restated.keySet());
            for (Row row : rows) {
                missing.remove(row.getUUID(0));
                events.add(restatement(row, restated.get(row.getUUID(0)), at));
            }
            if (!missing.isEmpty()) {
                throw new ConcurrentChangeException("stays " + missing + " were replaced by another batch after this one read "
                        + "them as standing: settling the batch again");
            }
            return events;
        });
    }

    private static CaseSettled restatement(Row row, List<EventId> retired, Instant at) {
        UUID discharge = row.getUUID(0);
        return new CaseSettled(eventId(discharge, retired), at, EventId.of(discharge), InstitutionId.of(row.getString(1)),
                PaymentMethod.valueOf(row.getString(2)), row.getString(3), Money.ofFen(row.getLong(4)), Money.ofFen(row.getLong(5)),
                Money.ofFen(row.getLong(6)), OutlierKind.valueOf(row.getString(7)), row.getString(8), retired);
    }

    /**
     * Derived from the row and what it retires: a batch settled again publishes the same restatement, and a later one
     * (another late version of the stay) a new one — each version is retired once.
     */
    static EventId eventId(UUID discharge, List<EventId> retired) {
        String name = "restated:" + discharge + ":" + retired.stream().map(EventId::value).collect(Collectors.joining(","));
        return EventId.of(NameBasedUuids.of(name.getBytes(StandardCharsets.UTF_8)));
    }
}
