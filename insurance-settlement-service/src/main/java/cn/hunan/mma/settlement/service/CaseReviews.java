package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The special-case review queue (特例单议): cases settled as {@link OutlierKind#EXPERT_REVIEW} are paid the
 * standard meanwhile and wait for an insurance officer of the fund that pays (the insured area) to approve
 * what the case is paid. A decision is final: it is stored with who made it and why, the case's fund payable
 * becomes the approved payment less the deductible the stay owes, and the case's settlement is published
 * again through the outbox (a new event id derived from the discharge; consumers keep the latest per
 * discharge). The period close reads the decided amount like any other, as it reads stored cases.
 */
@ApplicationScoped
public class CaseReviews {

    // The queue of the insured areas within an area: $1 pending (true) or decided, $2 the area's code prefix, $3 whether
    // a province-wide caller also sees cases settled before V9, which recorded no insured area.
    private static final String IN_QUEUE = "FROM case_settlement c LEFT JOIN case_review_decision d USING (discharge_event_id) "
            + "WHERE c.outlier = 'EXPERT_REVIEW' AND NOT c.superseded AND (d.discharge_event_id IS NULL) = $1 "
            + "AND ((c.insured_area COLLATE \"C\" >= $2 AND c.insured_area COLLATE \"C\" < $2 || ':') "
            + "OR (c.insured_area IS NULL AND $3)) ";
    private static final String QUEUED = "SELECT c.discharge_event_id, c.institution_id, c.insured_area, c.method, c.group_code, "
            + "c.standard_fen, c.actual_fen, c.deductible_fen, c.fund_payable_fen, c.rule_version, c.settled_at, "
            + "d.approved_fen, d.previous_fund_payable_fen, d.reason, d.decided_by, d.decided_at " + IN_QUEUE;
    // Oldest first, $4 at most: from the start, or after the cursor ($5 settled_at, $6 discharge id). Two statements, so
    // the row comparison stays an index condition under a generic plan (an "IS NULL OR" would make it a filter).
    private static final String FIRST_PAGE = QUEUED + "ORDER BY c.settled_at, c.discharge_event_id LIMIT $4";
    private static final String NEXT_PAGE = QUEUED + "AND (c.settled_at, c.discharge_event_id) > ($5::timestamptz, $6::uuid) "
            + "ORDER BY c.settled_at, c.discharge_event_id LIMIT $4";
    private static final String TOTAL = "SELECT count(*) " + IN_QUEUE;
    private static final String ONE = "SELECT c.discharge_event_id, c.institution_id, c.insured_area, c.method, c.group_code, "
            + "c.standard_fen, c.actual_fen, c.deductible_fen, c.fund_payable_fen, c.rule_version, c.settled_at, "
            + "d.approved_fen, d.previous_fund_payable_fen, d.reason, d.decided_by, d.decided_at, 1, c.outlier, c.superseded "
            + "FROM case_settlement c LEFT JOIN case_review_decision d USING (discharge_event_id) "
            + "WHERE c.discharge_event_id = $1 FOR UPDATE OF c";
    private static final String DECIDE = "INSERT INTO case_review_decision (discharge_event_id, approved_fen, fund_payable_fen, "
            + "previous_fund_payable_fen, reason, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
            + "ON CONFLICT (discharge_event_id) DO NOTHING RETURNING discharge_event_id";
    private static final String PAY = "UPDATE case_settlement SET fund_payable_fen = $2 WHERE discharge_event_id = $1";
    /** Cases settled before V9 are charged to no recorded area: the province answers for them. */
    private static final DivisionCode UNRECORDED_AREA = DivisionCode.of("430000");

    /** A decision on a case awaiting review. */
    public record Decision(Money approvedPayment, String reason, String decidedBy) {
    }

    /** One page of the queue, how many cases match in all, and where the next page starts (null after the last). */
    public record Page(List<CaseReview> cases, long total, Cursor next) {
    }

    /** A position in the queue: the last case read. Pages that follow it stay right when cases leave the queue between reads. */
    public record Cursor(Instant settledAt, UUID dischargeEventId) {

        private static final char SEPARATOR = '_';

        /** Read from its text form, {@code 2025-03-01T02:00:00.123456Z_<discharge id>}; empty if malformed. */
        public static Optional<Cursor> parse(String text) {
            int separator = text.lastIndexOf(SEPARATOR);
            try {
                Instant settledAt = Instant.parse(text.substring(0, separator));
                int year = settledAt.atOffset(ZoneOffset.UTC).getYear();
                // A settled-at the service can have written: anything else would fail in the database, not as a 400.
                return year < Checks.FIRST_YEAR || year > Checks.LAST_YEAR ? Optional.empty()
                        : Optional.of(new Cursor(settledAt, UUID.fromString(text.substring(separator + 1))));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return settledAt.toString() + SEPARATOR + dischargeEventId;
        }
    }

    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    public CaseReviews(Pool pool) {
        this.pool = pool;
    }

    /**
     * Cases of the insured areas within {@code area} awaiting a decision ({@code pending}) or decided, oldest first,
     * after {@code after} (null: from the start).
     */
    public Uni<Page> queue(DivisionCode area, boolean pending, Cursor after, int size) {
        String prefix = area.significantPrefix();
        boolean unrecorded = area.granularity() == DivisionCode.Granularity.PROVINCE;
        Uni<RowSet<Row>> page = after == null
                ? pool.preparedQuery(FIRST_PAGE).execute(Tuple.of(pending, prefix, unrecorded, size))
                : pool.preparedQuery(NEXT_PAGE).execute(Tuple.tuple(List.of(pending, prefix, unrecorded, size,
                        OffsetDateTime.ofInstant(after.settledAt(), ZoneOffset.UTC), after.dischargeEventId())));
        return page.chain(rows -> {
            List<CaseReview> cases = new ArrayList<>();
            rows.forEach(row -> cases.add(review(row)));
            Cursor next = cases.size() < size ? null
                    : new Cursor(cases.get(cases.size() - 1).settledAt(), cases.get(cases.size() - 1).dischargeEventId());
            return pool.preparedQuery(TOTAL).execute(Tuple.of(pending, prefix, unrecorded))
                    .map(total -> new Page(cases, total.iterator().next().getLong(0), next));
        });
    }

    /**
     * Decides a case awaiting review. {@code mayDecide} is handed the insured area before anything is written and
     * throws when the caller may not decide for that fund.
     *
     * @throws CaseReviewNotFoundException  no case was settled for that discharge
     * @throws CaseReviewConflictException  the case is not awaiting review (another outcome, superseded, or decided)
     */
    public Uni<CaseReview> decide(UUID dischargeEventId, Decision decision, Consumer<DivisionCode> mayDecide) {
        return pool.withTransaction(connection -> connection.preparedQuery(ONE).execute(Tuple.of(dischargeEventId)).chain(rows -> {
            if (rows.size() == 0) {
                throw new CaseReviewNotFoundException("no case was settled for discharge " + dischargeEventId);
            }
            Row row = rows.iterator().next();
            CaseReview before = review(row);
            mayDecide.accept(before.insuredArea());
            if (!OutlierKind.EXPERT_REVIEW.name().equals(row.getString(17)) || row.getBoolean(18)) {
                throw new CaseReviewConflictException("the case of discharge " + dischargeEventId + " is not awaiting review ("
                        + (row.getBoolean(18) ? "superseded by a correction" : "settled as " + row.getString(17)) + ")");
            }
            if (before.decision() != null) {
                throw new CaseReviewConflictException("the case of discharge " + dischargeEventId + " was decided by "
                        + before.decision().decidedBy() + " at " + before.decision().decidedAt() + "; decisions are final");
            }
            CaseReview after = before.decided(decision, clock.instant());
            return write(connection, after).replaceWith(after);
        }));
    }

    private static Uni<Void> write(SqlConnection connection, CaseReview decided) {
        CaseReview.Outcome outcome = decided.decision();
        OffsetDateTime at = OffsetDateTime.ofInstant(outcome.decidedAt(), ZoneOffset.UTC);
        OutboxEvent event = ContractOutboxEvents.of(Topics.CASE_SETTLEMENTS, settledAgain(decided));
        return connection.preparedQuery(DECIDE).execute(Tuple.tuple(List.of(decided.dischargeEventId(), outcome.approvedPayment().fen(),
                        decided.fundPayable().fen(), outcome.previousFundPayable().fen(), outcome.reason(), outcome.decidedBy(), at)))
                .invoke(inserted -> {
                    // Two officers at once: the second waited on the case's row lock, but its read of the decisions was
                    // taken before the first's commit. The decision's key tells: 409, not a unique violation's 500.
                    if (inserted.size() == 0) {
                        throw new CaseReviewConflictException("the case of discharge " + decided.dischargeEventId()
                                + " was decided by another officer meanwhile; decisions are final");
                    }
                })
                .chain(() -> connection.preparedQuery(PAY).execute(Tuple.of(decided.dischargeEventId(), decided.fundPayable().fen())))
                .chain(() -> OutboxRows.insert(connection, List.of(event)))
                .replaceWithVoid();
    }

    /** The case's settlement with the decided amount; derived id, so a retried publication is recognised. */
    private static CaseSettled settledAgain(CaseReview decided) {
        EventId eventId = EventId.of(NameBasedUuids.of(("reviewed:" + decided.dischargeEventId()).getBytes(StandardCharsets.UTF_8)));
        return new CaseSettled(eventId, decided.decision().decidedAt(), EventId.of(decided.dischargeEventId()),
                InstitutionId.of(decided.institutionId()), decided.method(), decided.groupCode(), decided.standardPayment(),
                decided.actualCost(), decided.fundPayable(), OutlierKind.EXPERT_REVIEW, decided.ruleVersion());
    }

    private static CaseReview review(Row row) {
        String insuredArea = row.getString(2);
        Long approved = row.getLong(11);
        CaseReview.Outcome outcome = approved == null ? null : new CaseReview.Outcome(Money.ofFen(approved),
                Money.ofFen(row.getLong(12)), row.getString(13), row.getString(14), row.getOffsetDateTime(15).toInstant());
        return new CaseReview(row.getUUID(0), row.getString(1),
                insuredArea == null ? UNRECORDED_AREA : DivisionCode.of(insuredArea), PaymentMethod.valueOf(row.getString(3)),
                row.getString(4), Money.ofFen(row.getLong(5)), Money.ofFen(row.getLong(6)), Money.ofFen(row.getLong(7)),
                Money.ofFen(row.getLong(8)), row.getString(9), row.getOffsetDateTime(10).toInstant(), outcome);
    }
}
