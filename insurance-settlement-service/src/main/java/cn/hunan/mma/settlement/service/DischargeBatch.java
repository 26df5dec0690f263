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
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Settles a batch of discharges in memory, in their order, against what the database already
 * holds: which discharges are settled, the institutions' levels, which diagnoses are primary-level
 * diseases, the deductibles already paid in each referral episode and the review counts so far. No I/O: {@link CaseSettlementService} reads
 * those facts with a few queries per batch and writes the outcome with a few multi-row statements.
 *
 * <p>Within the batch it behaves as one-at-a-time settling would: a repeated discharge is settled
 * once, a correction supersedes the standing version of the stay it corrects (whose deductible then
 * no longer counts) and a later stay of the same episode owes only what earlier ones have not paid.
 */
final class DischargeBatch {

    private static final Logger LOG = Logger.getLogger(DischargeBatch.class);

    /** A row of {@code case_settlement} the batch's episodes or corrections touch: where the stay was, what it owed. */
    record StoredStay(UUID dischargeEventId, String episodeId, String institutionId, long deductibleFen) {
    }

    /**
     * What the database knows that the batch depends on.
     *
     * @param settled               the batch's discharges already stored
     * @param namedByStoredCorrections the batch's discharges a stored correction names: arriving after the correction
     *                              that replaced them (replayed from the dead-letter topic, say), they must not stand
     *                              beside it
     * @param primaryLevelDiagnoses the batch's principal diagnoses that the guidance catalogue makes primary-level diseases
     * @param standingVersions      for each discharge the batch's corrections name, and each of the batch's discharges
     *                              that stored corrections name, the stored rows that stand for its stay now: itself
     *                              while it stands, else the corrections that replaced it (the chain followed up and
     *                              down); absent when no row of the stay stands — none stored yet
     * @param clearedPointValues    the point values of the DIP years already cleared, by {@link #clearedYear}
     * @param chains                the stored chains of the versions the batch's corrections name
     * @param standingCounted       where each of the {@code standingVersions} counts towards the review quota
     */
    record Known(Set<UUID> settled, Set<UUID> namedByStoredCorrections, Map<String, Level> institutionLevels, Set<String> primaryLevelDiagnoses, List<StoredStay> stays,
                 Map<UUID, Set<UUID>> standingVersions, Function<InpatientDischarged, Optional<ParameterVersion>> versionOf,
                 ReviewCounts counts, Map<String, BigDecimal> clearedPointValues, Map<UUID, StayChains.Stored> chains,
                 Map<UUID, ReviewCounts.Counted> standingCounted) {

        /** Without where the stored versions count: a batch whose corrections replace none counted. */
        Known(Set<UUID> settled, Set<UUID> namedByStoredCorrections, Map<String, Level> institutionLevels, Set<String> primaryLevelDiagnoses,
              List<StoredStay> stays, Map<UUID, Set<UUID>> standingVersions, Function<InpatientDischarged, Optional<ParameterVersion>> versionOf,
              ReviewCounts counts, Map<String, BigDecimal> clearedPointValues, Map<UUID, StayChains.Stored> chains) {
            this(settled, namedByStoredCorrections, institutionLevels, primaryLevelDiagnoses, stays, standingVersions, versionOf, counts,
                    clearedPointValues, chains, Map.of());
        }

        /** Without stored chains: a batch whose corrections name nothing stored above what they name. */
        Known(Set<UUID> settled, Set<UUID> namedByStoredCorrections, Map<String, Level> institutionLevels, Set<String> primaryLevelDiagnoses,
              List<StoredStay> stays, Map<UUID, Set<UUID>> standingVersions, Function<InpatientDischarged, Optional<ParameterVersion>> versionOf,
              ReviewCounts counts, Map<String, BigDecimal> clearedPointValues) {
            this(settled, namedByStoredCorrections, institutionLevels, primaryLevelDiagnoses, stays, standingVersions, versionOf, counts,
                    clearedPointValues, Map.of(), Map.of());
        }
    }

    /** The key of a rule area's DIP year: {@code 430302:2025}. */
    static String clearedYear(String area, int year) {
        return area + ":" + year;
    }

    /**
     * A settlement to insert, with the event that announces it; a DIP case with the point value it was priced at. One
     * that does not {@code stand} is stored superseded, for the chain of its stay's versions, and announced to no one. A
     * correction names the {@code stay} it is a version of ({@link StayChains}); an original is its own.
     */
    record Settled(InpatientDischarged discharge, CaseDecision decision, String ruleVersion, BigDecimal dipPointValue,
                   CaseSettled event, ReviewCounts.Key countKey, boolean stands, UUID stay) {

        /** Stored superseded and announced to no one: replaced before it was ever seen standing. */
        Settled replacedAlready() {
            return new Settled(discharge, decision, ruleVersion, dipPointValue, event, countKey, false, stay);
        }

        /** Announced as replacing every version of its stay the batch retired: those it names and those they had retired. */
        Settled superseding(Set<UUID> retired) {
            CaseSettled e = event;
            return new Settled(discharge, decision, ruleVersion, dipPointValue, new CaseSettled(e.eventId(), e.occurredAt(),
                    e.dischargeEventId(), e.institutionId(), e.method(), e.groupCode(), e.standardPayment(), e.actualCost(),
                    e.fundPayable(), e.outlierKind(), e.ruleVersion(), sorted(retired)), countKey, stands, stay);
        }

        Settled ofStay(UUID stay) {
            return new Settled(discharge, decision, ruleVersion, dipPointValue, event, countKey, stands, stay);
        }
    }

    /**
     * The batch's outcome: rows to insert, rows to supersede, and why each refused discharge was refused (by position).
     *
     * @param supersededAsRead the rows to supersede that were read from the database as standing: each must still stand
     *                         when it is superseded, or the batch decided on a version another batch has replaced since
     * @param restayed         stored standing rows whose stay the batch has learnt (a version between them and the first
     *                         report arrived late), with that stay
     * @param restated         stored rows still standing at commit to which versions of their stays the batch retired
     *                         fall (a late version between them and a version the batch replaced), with those versions:
     *                         announced again as replacing them ({@link Restatements}), or the retired versions would
     *                         stand on the topic for good
     * @param countIncrements  the batch's own versions standing at commit, and their reviews, by key: the cases it settled
     * @param countWithdrawals the stored versions its corrections replace (the {@code supersededAsRead}), and their
     *                         reviews, each by its own key: the table's count no longer holds them
     */
    record Outcome(List<Settled> settled, Set<UUID> superseded, Set<UUID> supersededAsRead,
                   Map<Integer, CaseNotSettledException> refused, Map<ReviewCounts.Key, long[]> countIncrements,
                   Map<ReviewCounts.Key, long[]> countWithdrawals, Map<UUID, UUID> restayed, Map<UUID, List<EventId>> restated) {
    }

    private DischargeBatch() {
    }

    static Outcome settle(List<InpatientDischarged> discharges, Known known, CaseSettlers settlers, Instant now) {
        Set<UUID> seen = new HashSet<>(known.settled());
        Set<UUID> namedInBatch = new HashSet<>();   // versions an earlier correction of the batch replaced
        Episodes stays = new Episodes(known.stays());
        Versions versions = new Versions(known.standingVersions());
        StayChains chains = new StayChains(discharges, known.chains());
        Map<UUID, UUID> lateInBetween = new HashMap<>();   // a stored standing row → the late version it corrects
        List<Settled> settled = new ArrayList<>();
        Set<UUID> superseded = new HashSet<>();
        Map<Integer, CaseNotSettledException> refused = new LinkedHashMap<>();
        QuotaCounts quota = new QuotaCounts();
        Map<UUID, Settled> counted = new HashMap<>();   // the batch's versions counted towards the review quota so far
        Map<UUID, ReviewCounts.Counted> storedCounted = new HashMap<>(known.standingCounted());   // stored, still standing
        for (int i = 0; i < discharges.size(); i++) {
            InpatientDischarged discharge = discharges.get(i);
            UUID id = discharge.eventId().asUuid();
            if (seen.contains(id)) {
                continue;
            }
            UUID corrected = corrected(discharge);
            // A version of a stay that arrives after the correction that replaced it: an original is not settled beside
            // it (the fund would pay the stay twice). A correction is stored as replaced, so that the chain from the
            // stay's first report to its standing version is whole, and replaces the versions it corrects.
            boolean replacedAlready = known.namedByStoredCorrections().contains(id) || namedInBatch.contains(id);
            if (replacedAlready && corrected == null) {
                LOG.infof("Discharge %s arrived after a correction of it: not settled beside it", id);
                continue;
            }
            if (corrected != null && chains.closesACycle(id, corrected)) {
                refused.put(i, new CaseNotSettledException("corrects " + corrected + ", which is, or is corrected by, this "
                        + "correction: no version of the stay would stand"));
                continue;
            }
            Set<UUID> replaced = corrected == null ? Set.of() : versions.standing(corrected);
            Settled one;
            try {
                one = decide(discharge, replaced, known, settlers, stays, quota, now);
            } catch (CaseNotSettledException e) {
                refused.put(i, e);
                continue;
            } catch (RuntimeException e) {
                // A fault in settling one discharge (rules that cannot price it, a bug) is that discharge's: it goes to
                // the dead-letter topic with the reason, and the rest of the batch is settled. Nothing was recorded yet.
                LOG.errorf(e, "Discharge %s could not be settled; dead-lettering it", discharge.eventId());
                refused.put(i, new CaseNotSettledException("could not be settled: " + e, e));
                continue;
            }
            if (corrected != null) {
                if (!replaced.equals(Set.of(corrected))) {
                    LOG.infof("Correction %s names %s, already replaced by %s: it replaces that instead", id, corrected, replaced);
                }
                superseded.addAll(replaced);
                versions.replaced(replaced, id);
                // A version of the batch retired in it never stands in the table, whose count of standing cases the
                // quota follows: it no longer counts, for the batch's later cases nor after the commit.
                replaced.stream().map(counted::remove).filter(Objects::nonNull).forEach(gone -> quota.count(gone, -1));
                // A stored version it replaces leaves the table's count too, under its own key (a correction may move the
                // stay to another year, area or method), and a review it held frees its slot — for the batch's later
                // cases, and after the commit. Before 2026-11-25 (8) it counted on until the next start.
                replaced.stream().map(storedCounted::remove).filter(Objects::nonNull).forEach(quota::withdraw);
                // The version it names, later in this batch, arrived after its correction: an original is not settled
                // beside it, a correction is stored as replaced — as if a stored correction named it. Skipping that one
                // too (before 2026-11-25 (3)) left what it corrects standing beside this correction.
                namedInBatch.add(corrected);
            }
            seen.add(id);
            if (replacedAlready) {
                LOG.infof("Correction %s arrived after a correction of it: stored as replaced, replacing %s", id, replaced);
                superseded.add(id);
                // What replaced it was stored not knowing the stay above it: it is keyed by this version so far.
                known.standingVersions().getOrDefault(id, Set.of()).forEach(row -> lateInBetween.put(row, id));
                stays.replaced(replaced);
                settled.add(one.replacedAlready());
                continue;
            }
            stays.settled(discharge, replaced, one.decision().deductibleDue().fen());
            settled.add(one);
            quota.count(one, 1);
            counted.put(id, one);
        }
        Set<UUID> asRead = new HashSet<>();
        known.standingVersions().values().forEach(standing -> standing.stream().filter(superseded::contains).forEach(asRead::add));
        // The stays, once the batch's refused corrections are known: a chain through one of them is not a chain — its
        // rows are not replaced, and keyed by the stay beyond it they would meet them in the index (for ever).
        StayChains settledChains = new StayChains(settled.stream().map(Settled::discharge).toList(), known.chains());
        Map<UUID, Set<UUID>> retired = retiredFor(superseded, versions);
        List<Settled> keyed = new ArrayList<>(settled.size());
        for (Settled one : settled) {
            UUID id = one.discharge().eventId().asUuid();
            Settled stayed = corrected(one.discharge()) == null ? one : one.ofStay(settledChains.stayOf(corrected(one.discharge())));
            Set<UUID> itRetires = retired.remove(id);
            // Retired in its own batch (by a later correction, or a late version in between): it never stands, and
            // announced it would stand on the topic for good. What it retired is announced by what stands instead.
            keyed.add(superseded.contains(id) ? stayed.replacedAlready() : itRetires == null ? stayed : stayed.superseding(itRetires));
        }
        Map<UUID, List<EventId>> restated = new HashMap<>();
        retired.forEach((row, versionsOfItsStay) -> restated.put(row, sorted(versionsOfItsStay)));
        Map<UUID, UUID> restayed = new HashMap<>();
        lateInBetween.forEach((row, late) -> restayed.put(row, settledChains.stayOf(late)));
        restayed.keySet().removeAll(superseded);
        return new Outcome(keyed, superseded, asRead, refused, quota.increments(), quota.withdrawals(), restayed, restated);
    }

    /**
     * For each version standing at commit, the versions of its stay the batch retired — wherever they were retired
     * from: a correction retires what it replaces, and what those had retired in the batch; a late version between a
     * stored correction and what the batch replaced hands what it retired on to that stored correction, which stood
     * and stands. So a consumer following {@code supersedes} drops each retired version once, whatever announced it.
     */
    private static Map<UUID, Set<UUID>> retiredFor(Set<UUID> superseded, Versions versions) {
        Map<UUID, Set<UUID>> retired = new HashMap<>();
        for (UUID gone : superseded) {
            for (UUID standing : versions.standing(gone)) {
                if (!superseded.contains(standing)) {
                    retired.computeIfAbsent(standing, row -> new HashSet<>()).add(gone);
                }
            }
        }
        return retired;
    }

    /**
     * What the batch changes in the review counts, by key: its own versions standing (added), and the stored versions
     * its corrections replace (withdrawn). Kept apart because only the first are settlements made (the meter's); the
     * quota of the batch's next case sees both.
     */
    private static final class QuotaCounts {

        private final Map<ReviewCounts.Key, long[]> added = new HashMap<>();
        private final Map<ReviewCounts.Key, long[]> withdrawn = new HashMap<>();

        /** One more (or one fewer) of the batch's cases, and of its reviews. */
        void count(Settled one, int change) {
            change(added, one.countKey(), one.decision().outlier().name().equals(ReviewCounts.EXPERT_REVIEW), change);
        }

        /** A stored version the batch replaces, no longer standing. */
        void withdraw(ReviewCounts.Counted gone) {
            change(withdrawn, gone.key(), gone.review(), 1);
        }

        /** {cases, reviews} the batch has changed so far under the key. */
        long[] soFar(ReviewCounts.Key key) {
            long[] plus = added.getOrDefault(key, new long[2]);
            long[] minus = withdrawn.getOrDefault(key, new long[2]);
            return new long[] {plus[0] - minus[0], plus[1] - minus[1]};
        }

        Map<ReviewCounts.Key, long[]> increments() {
            return nonZero(added);
        }

        Map<ReviewCounts.Key, long[]> withdrawals() {
            return nonZero(withdrawn);
        }

        private static void change(Map<ReviewCounts.Key, long[]> counts, ReviewCounts.Key key, boolean review, int change) {
            long[] count = counts.computeIfAbsent(key, any -> new long[2]);
            count[0] += change;
            if (review) {
                count[1] += change;
            }
        }

        private static Map<ReviewCounts.Key, long[]> nonZero(Map<ReviewCounts.Key, long[]> counts) {
            Map<ReviewCounts.Key, long[]> nonZero = new HashMap<>(counts);
            nonZero.values().removeIf(count -> count[0] == 0 && count[1] == 0);
            return nonZero;
        }
    }

    private static List<EventId> sorted(Set<UUID> versions) {
        return versions.stream().sorted().map(EventId::of).toList();
    }

    /**
     * Settles one discharge against what is known and what the batch settled before it; records nothing.
     *
     * @param replaced the rows a correction takes the place of (none for a discharge that corrects nothing)
     */
    private static Settled decide(InpatientDischarged discharge, Set<UUID> replaced, Known known, CaseSettlers settlers,
                                  Episodes stays, QuotaCounts batchCounts, Instant now) {
        Level level = Optional.ofNullable(known.institutionLevels().get(discharge.institutionId().value()))
                .orElseThrow(() -> new CaseNotSettledException("institution " + discharge.institutionId() + " is not in the matrix"));
        // The rules of the fund that pays (参保地), in force on the discharge date.
        ParameterVersion version = known.versionOf().apply(discharge).orElseThrow(() -> new CaseNotSettledException(
                "no settlement parameters are in force for " + discharge.insuredAreaDivision() + " on " + discharge.dischargeDate()));
        CaseSettler settler = settler(settlers, version, discharge, known);
        ReviewCounts.Key key = countKey(version, discharge, settler.rules().method());
        long[] added = batchCounts.soFar(key);
        long[] before = known.counts().of(key);
        ReviewQuota quota = new ReviewQuota(settler.rules().reviewCap(), before[0] + added[0], before[1] + added[1]);
        boolean primaryLevelDisease = known.primaryLevelDiagnoses().contains(discharge.principalDiagnosis().value());
        Money paid = stays.paid(discharge, replaced, settler.rules().deductibles().get(level));
        CaseFacts facts = new CaseFacts(level, discharge.drgGroup(), discharge.principalDiagnosis(), discharge.procedures(),
                primaryLevelDisease, discharge.charges().total(), paid, quota);
        CaseDecision decision = settler.settle(facts).orElseThrow(() -> new CaseNotSettledException(unpriced(discharge, settler)));
        BigDecimal pointValue = decision.method() == PaymentMethod.DIP ? settler.rules().dipPointValue() : null;
        return new Settled(discharge, decision, version.versionId(), pointValue, event(discharge, decision, version, replaced, now),
                key, true, null);
    }

    /** The stay the discharge corrects ({@code HospitalReport.replaces}: none for a discharge that names itself). */
    static UUID corrected(InpatientDischarged discharge) {
        return discharge.replaces() == null ? null : discharge.replaces().asUuid();
    }

    /** Whose review cap the case counts towards: the area of the rules that priced it, its year and method. */
    static ReviewCounts.Key countKey(ParameterVersion version, InpatientDischarged discharge, PaymentMethod method) {
        return new ReviewCounts.Key(version.area(), discharge.dischargeDate().getYear(), method.name());
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

    /**
     * The stays of the batch's episodes (stored, then the batch's own as they are settled) and the stays its
     * corrections correct. A new stay owes what its level's deductible exceeds the deductible its episode's other stays
     * owed. A correction of a stay at the same institution in the same episode takes the stay's place: it owes as that
     * stay did, what was paid before it being what the level's deductible exceeded the stay's due. Counting every other
     * stay instead would count the later stays, whose own dues were already reduced by the corrected one.
     */
    private static final class Episodes {

        private record Stay(String episodeId, String institutionId, long deductibleFen) {
        }

        private final Map<String, Map<UUID, Stay>> byEpisode = new HashMap<>();
        private final Map<UUID, Stay> byId = new HashMap<>();

        Episodes(List<StoredStay> stored) {
            stored.forEach(stay -> add(stay.dischargeEventId(), new Stay(stay.episodeId(), stay.institutionId(), stay.deductibleFen())));
        }

        /** The discharge was settled owing {@code deductibleFen}; a correction replaces the rows it takes the place of. */
        void settled(InpatientDischarged discharge, Set<UUID> replaced, long deductibleFen) {
            replaced(replaced);
            add(discharge.eventId().asUuid(), new Stay(episodeOf(discharge), discharge.institutionId().value(), deductibleFen));
        }

        /**
         * 起付线连续计算: what was paid in the episode before this stay, for a stay whose level's deductible is given —
         * what the episode's other standing stays owed; for a correction taking its stay's place, no more than was paid
         * before that stay (its level's deductible less what it owed), so a later stay's due, already reduced by the
         * corrected one, is not counted again.
         */
        Money paid(InpatientDischarged discharge, Set<UUID> replaced, Money levelDeductible) {
            String episode = episodeOf(discharge);
            long others = 0;
            if (episode != null) {
                for (Map.Entry<UUID, Stay> stay : byEpisode.getOrDefault(episode, Map.of()).entrySet()) {
                    if (!replaced.contains(stay.getKey())) {
                        others += stay.getValue().deductibleFen();
                    }
                }
            }
            // One row stands for a stay; two did only where a stay was corrected twice before 2026-11-25, and the second
            // then owed less, counting the first as another stay: the first's due is the stay's.
            Optional<Stay> place = replaced.stream().map(byId::get).filter(Objects::nonNull)
                    .filter(stay -> Objects.equals(stay.episodeId(), episode)
                            && stay.institutionId().equals(discharge.institutionId().value()))
                    .max(Comparator.comparingLong(Stay::deductibleFen));
            if (place.isPresent()) {
                // Bounded by the other stays too: the level may have changed since (a re-graded institution, other
                // rules), or the stays before it may have left the episode.
                return Money.ofFen(Math.min(others, Math.max(0, levelDeductible.fen() - place.get().deductibleFen())));
            }
            return Money.ofFen(others);
        }

        /** The rows no longer stand: their deductibles no longer count. */
        void replaced(Set<UUID> rows) {
            rows.forEach(this::remove);
        }

        private static String episodeOf(InpatientDischarged discharge) {
            return discharge.episodeId() == null ? null : discharge.episodeId().value();
        }

        private void add(UUID id, Stay stay) {
            byId.put(id, stay);
            if (stay.episodeId() != null) {
                byEpisode.computeIfAbsent(stay.episodeId(), episode -> new HashMap<>()).put(id, stay);
            }
        }

        private void remove(UUID id) {
            Stay stay = byId.remove(id);
            if (stay != null && stay.episodeId() != null) {
                byEpisode.get(stay.episodeId()).remove(id);
            }
        }
    }

    /**
     * Which rows stand for the stays the batch's corrections name: those stored ({@link Known#standingVersions}), then
     * the batch's own corrections in their place. A correction takes the place of the stay's standing version, not of
     * the row it names: a second correction of an original replaces the first correction (the original is already
     * replaced), so one version of a stay stands — before 2026-11-25 both corrections stood and the fund paid the stay
     * twice. Corrections of one stay take effect in the order they arrive: the events carry nothing else to order them
     * by (their {@code occurredAt} is the discharge's).
     */
    private static final class Versions {

        private final Map<UUID, Set<UUID>> stored;
        private final Map<UUID, UUID> replacedBy = new HashMap<>();

        Versions(Map<UUID, Set<UUID>> stored) {
            this.stored = stored;
        }

        /**
         * The rows that stand for the stay {@code named} now: the stored ones, each followed through the batch's
         * replacements — to a correction settled in the batch, or to a late version's stored replacements.
         */
        Set<UUID> standing(UUID named) {
            Set<UUID> standing = new TreeSet<>();
            Set<UUID> visited = new HashSet<>();
            Deque<UUID> next = new ArrayDeque<>(List.of(named));
            while (!next.isEmpty()) {
                UUID id = next.pop();
                if (!visited.add(id)) {
                    continue;
                }
                UUID by = replacedBy.get(id);
                if (by != null) {
                    next.push(by);
                    continue;
                }
                for (UUID now : stored.getOrDefault(id, Set.of(id))) {
                    if (now.equals(id)) {
                        standing.add(id);
                    } else {
                        next.push(now);
                    }
                }
            }
            return standing;
        }

        void replaced(Set<UUID> rows, UUID by) {
            rows.forEach(row -> replacedBy.put(row, by));
        }
    }

    /** Why a discharge could not be priced: the DRG group without a weight, or the diagnosis and procedure without a DIP group. */
    private static String unpriced(InpatientDischarged discharge, CaseSettler settler) {
        return settler.rules().method() == PaymentMethod.DRG
                ? "group " + discharge.drgGroup() + " has no DRG weight"
                : "the DIP catalogue in force for " + discharge.insuredAreaDivision() + " has no group for diagnosis " + discharge.principalDiagnosis()
                + (discharge.procedures().isEmpty() ? "" : " with procedure " + discharge.procedures().get(0));
    }

    /** The settlement's event; a correction's names the settlements it replaces, for consumers that keep totals. */
    private static CaseSettled event(InpatientDischarged discharge, CaseDecision decision, ParameterVersion version,
                                     Set<UUID> replaced, Instant now) {
        return new CaseSettled(settledEventId(discharge.eventId()), now, discharge.eventId(), discharge.institutionId(),
                decision.method(), decision.groupCode(), decision.standardPayment(), decision.actualCost(), decision.fundPayable(),
                decision.outlier(), version.versionId(), replaced.isEmpty() ? null : replaced.stream().sorted().map(EventId::of).toList());
    }

    /** Derived from the discharge id: a replayed settlement publishes under the same event id. */
    static EventId settledEventId(EventId discharge) {
        return EventId.of(NameBasedUuids.of(("settled:" + discharge.value()).getBytes(StandardCharsets.UTF_8)));
    }
}
