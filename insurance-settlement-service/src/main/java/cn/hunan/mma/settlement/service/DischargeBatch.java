package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.cases.CaseDecision;
import cn.hunan.mma.settlement.domain.cases.CaseFacts;
import cn.hunan.mma.settlement.domain.cases.CaseSettler;
import cn.hunan.mma.settlement.domain.cases.ReviewQuota;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Settles a batch of discharges in memory, in their order, against what the database already
 * holds: which discharges are settled, the institutions' levels, which diagnoses are primary-level
 * diseases, the deductibles already paid in each referral episode and the review counts so far. No I/O: {@link CaseSettlementService} reads
 * those facts with a few queries per batch and writes the outcome with a few multi-row statements.
 *
 * <p>Within the batch it behaves as one-at-a-time settling would: a repeated discharge is settled
 * once, a correction supersedes the stay it corrects (whose deductible then no longer counts) and a
 * later stay of the same episode owes only what earlier ones have not paid.
 */
final class DischargeBatch {

    /** A row of {@code case_settlement} the batch's episodes or corrections touch. */
    record StoredStay(UUID dischargeEventId, String episodeId, long deductibleFen) {
    }

    /**
     * What the database knows that the batch depends on.
     *
     * @param primaryLevelDiagnoses the batch's principal diagnoses that the guidance catalogue makes primary-level diseases
     * @param clearedPointValues    the point values of the DIP years already cleared, by {@link #clearedYear}
     */
    record Known(Set<UUID> settled, Map<String, Level> institutionLevels, Set<String> primaryLevelDiagnoses, List<StoredStay> stays,
                 Function<InpatientDischarged, Optional<ParameterVersion>> versionOf, ReviewCounts counts,
                 Map<String, BigDecimal> clearedPointValues) {
    }

    /** The key of a rule area's DIP year: {@code 430302:2025}. */
    static String clearedYear(String area, int year) {
        return area + ":" + year;
    }

    /** A settlement to insert, with the event that announces it; a DIP case with the point value it was priced at. */
    record Settled(InpatientDischarged discharge, CaseDecision decision, String ruleVersion, BigDecimal dipPointValue,
                   CaseSettled event) {
    }

    /** The batch's outcome: rows to insert, rows to supersede, and why each refused discharge was refused (by position). */
    record Outcome(List<Settled> settled, Set<UUID> superseded, Map<Integer, CaseNotSettledException> refused,
                   Map<ReviewCounts.Key, long[]> countIncrements) {
    }

    private DischargeBatch() {
    }

    static Outcome settle(List<InpatientDischarged> discharges, Known known, CaseSettlers settlers, Instant now) {
        Set<UUID> seen = new HashSet<>(known.settled());
        Episodes stays = new Episodes();
        known.stays().forEach(stays::add);
        List<Settled> settled = new ArrayList<>();
        Set<UUID> superseded = new HashSet<>();
        Map<Integer, CaseNotSettledException> refused = new LinkedHashMap<>();
        Map<ReviewCounts.Key, long[]> increments = new HashMap<>();
        for (int i = 0; i < discharges.size(); i++) {
            InpatientDischarged discharge = discharges.get(i);
            UUID id = discharge.eventId().asUuid();
            if (seen.contains(id)) {
                continue;
            }
            try {
                Level level = Optional.ofNullable(known.institutionLevels().get(discharge.institutionId().value()))
                        .orElseThrow(() -> new CaseNotSettledException("institution " + discharge.institutionId() + " is not in the matrix"));
                // The rules of the fund that pays (参保地), in force on the discharge date.
                ParameterVersion version = known.versionOf().apply(discharge).orElseThrow(() -> new CaseNotSettledException(
                        "no settlement parameters are in force for " + discharge.insuredAreaDivision() + " on " + discharge.dischargeDate()));
                CaseSettler settler = settler(settlers, version, discharge, known);
                UUID corrected = discharge.correctsEventId() == null ? null : discharge.correctsEventId().asUuid();
                ReviewCounts.Key key = new ReviewCounts.Key(discharge.dischargeDate().getYear(), settler.rules().method().name());
                long[] added = increments.getOrDefault(key, new long[2]);
                long[] before = known.counts().of(key);
                ReviewQuota quota = new ReviewQuota(settler.rules().reviewCap(), before[0] + added[0], before[1] + added[1]);
                boolean primaryLevelDisease = known.primaryLevelDiagnoses().contains(discharge.principalDiagnosis().value());
                CaseFacts facts = new CaseFacts(level, discharge.drgGroup(), discharge.principalDiagnosis(), discharge.procedures(),
                        primaryLevelDisease, discharge.charges().total(),
                        stays.paid(discharge, corrected), quota);
                CaseDecision decision = settler.settle(facts).orElseThrow(() -> new CaseNotSettledException(unpriced(discharge, settler)));
                if (corrected != null) {
                    stays.remove(corrected);
                    superseded.add(corrected);
                }
                seen.add(id);
                stays.add(new StoredStay(id, discharge.episodeId() == null ? null : discharge.episodeId().value(),
                        decision.deductibleDue().fen()));
                BigDecimal pointValue = decision.method() == PaymentMethod.DIP ? settler.rules().dipPointValue() : null;
                settled.add(new Settled(discharge, decision, version.versionId(), pointValue, event(discharge, decision, version, now)));
                added[0]++;
                if (decision.outlier().name().equals(ReviewCounts.EXPERT_REVIEW)) {
                    added[1]++;
                }
                increments.put(key, added);
            } catch (CaseNotSettledException e) {
                refused.put(i, e);
            }
        }
        return new Outcome(settled, superseded, refused, increments);
    }

    /**
     * A DIP case of a year its area has cleared — a correction or a late discharge — is worth what the year's cases
     * were cleared at: the clearing's point value is final, the provisional one is not.
     */
    private static CaseSettler settler(CaseSettlers settlers, ParameterVersion version, InpatientDischarged discharge, Known known) {
        CaseSettler settler = settlers.of(version);
        if (settler.rules().method() != PaymentMethod.DIP) {
            return settler;
        }
        BigDecimal cleared = known.clearedPointValues().get(clearedYear(version.area(), discharge.dischargeDate().getYear()));
        return cleared == null ? settler : settlers.of(version, cleared);
    }

    /** The stays of the batch's episodes by episode, and the episode of each stay. */
    private static final class Episodes {

        private final Map<String, Map<UUID, Long>> deductibles = new HashMap<>();
        private final Map<UUID, String> episodeOf = new HashMap<>();

        void add(StoredStay stay) {
            if (stay.episodeId() != null) {
                deductibles.computeIfAbsent(stay.episodeId(), episode -> new HashMap<>()).put(stay.dischargeEventId(), stay.deductibleFen());
                episodeOf.put(stay.dischargeEventId(), stay.episodeId());
            }
        }

        void remove(UUID stay) {
            String episode = episodeOf.remove(stay);
            if (episode != null) {
                deductibles.get(episode).remove(stay);
            }
        }

        /** 起付线连续计算: what the episode's other (not superseded, not corrected) stays have paid. */
        Money paid(InpatientDischarged discharge, UUID corrected) {
            if (discharge.episodeId() == null) {
                return Money.ZERO;
            }
            long fen = 0;
            for (Map.Entry<UUID, Long> stay : deductibles.getOrDefault(discharge.episodeId().value(), Map.of()).entrySet()) {
                if (!stay.getKey().equals(corrected)) {
                    fen += stay.getValue();
                }
            }
            return Money.ofFen(fen);
        }
    }

    /** Why a discharge could not be priced: the DRG group without a weight, or the diagnosis and procedure without a DIP group. */
    private static String unpriced(InpatientDischarged discharge, CaseSettler settler) {
        return settler.rules().method() == PaymentMethod.DRG
                ? "group " + discharge.drgGroup() + " has no DRG weight"
                : "the DIP catalogue in force for " + discharge.insuredAreaDivision() + " has no group for diagnosis " + discharge.principalDiagnosis()
                + (discharge.procedures().isEmpty() ? "" : " with procedure " + discharge.procedures().get(0));
    }

    private static CaseSettled event(InpatientDischarged discharge, CaseDecision decision, ParameterVersion version, Instant now) {
        return new CaseSettled(settledEventId(discharge.eventId()), now, discharge.eventId(), discharge.institutionId(),
                decision.method(), decision.groupCode(), decision.standardPayment(), decision.actualCost(), decision.fundPayable(),
                decision.outlier(), version.versionId());
    }

    /** Derived from the discharge id: a replayed settlement publishes under the same event id. */
    static EventId settledEventId(EventId discharge) {
        return EventId.of(NameBasedUuids.of(("settled:" + discharge.value()).getBytes(StandardCharsets.UTF_8)));
    }
}
