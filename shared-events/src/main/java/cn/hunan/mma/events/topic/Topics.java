package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.care.InpatientEvent;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.conduct.ConductEvent;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.DipYearCleared;
import cn.hunan.mma.events.insurance.PeriodSettlementEvent;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.prevention.PreventionEvent;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.scoring.ScoringEvent;
import cn.hunan.mma.events.support.SupportEvent;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.hunan.mma.events.topic.CleanupPolicy.COMPACT;
import static cn.hunan.mma.events.topic.CleanupPolicy.DELETE;

/**
 * Every topic of the platform. Topic names are spelt here and nowhere else.
 *
 * <p>Hospital-reported topics are keyed by institution and share one partition count, so Kafka
 * Streams can join them without repartitioning. Reference and latest-state topics are compacted.
 */
public final class Topics {

    /** Partitions of every topic: equal counts keep co-partitioned joins possible; scale by raising all together. */
    public static final int DEFAULT_PARTITIONS = 6;

    /**
     * How long the capacity topic keeps its records. navigation-service keeps no state of its own: every start rebuilds
     * the live slots and beds by reading the topic from the start, so a session's publication must still be there when
     * the session comes into view. Hospitals release sessions (号源) days to weeks ahead; allowing four weeks of lead
     * and navigation's one-week view: 35 days. Without it the topic took the broker's retention — 24 hours on the local
     * broker, 7 days by Kafka's default — and a restart lost every publication older than that (helper-121).
     */
    public static final Duration CAPACITY_RETENTION = Duration.ofDays(35);

    private static final KeyFormat<InstitutionId> INSTITUTION = KeyFormat.ofText(InstitutionId.class, InstitutionId::of);
    private static final KeyFormat<AllianceId> ALLIANCE = KeyFormat.ofText(AllianceId.class, AllianceId::of);

    // --- matrix: reference data from the navigation service, compacted ---
    public static final Topic<InstitutionId, InstitutionSnapshot> INSTITUTIONS = topic("mma.matrix.institutions",
            INSTITUTION, InstitutionSnapshot.class, InstitutionSnapshot::institutionId, COMPACT);
    public static final Topic<AllianceId, AllianceSnapshot> ALLIANCES = topic("mma.matrix.alliances",
            ALLIANCE, AllianceSnapshot.class, AllianceSnapshot::allianceId, COMPACT);
    public static final Topic<SpecialtyKey, SpecialtySnapshot> SPECIALTIES = topic("mma.matrix.specialties",
            KeyFormat.ofText(SpecialtyKey.class, SpecialtyKey::parse), SpecialtySnapshot.class, SpecialtyKey::of, COMPACT);
    public static final Topic<Icd10Code, GuidanceCatalogueEntry> GUIDANCE_CATALOGUE = topic("mma.matrix.guidance-catalogue",
            KeyFormat.ofText(Icd10Code.class, Icd10Code::of), GuidanceCatalogueEntry.class,
            GuidanceCatalogueEntry::icd10Prefix, COMPACT);

    // --- reported by hospitals and the provincial platform, keyed by institution ---
    public static final Topic<InstitutionId, CapacityEvent> CAPACITY = new Topic<>("mma.capacity.events",
            INSTITUTION, CapacityEvent.class, HospitalReport::institutionId, DELETE, CAPACITY_RETENTION, DEFAULT_PARTITIONS);
    public static final Topic<InstitutionId, OutpatientVisitRecorded> OUTPATIENT_VISITS = topic("mma.care.outpatient-visits",
            INSTITUTION, OutpatientVisitRecorded.class, HospitalReport::institutionId, DELETE);
    public static final Topic<InstitutionId, InpatientEvent> INPATIENT = topic("mma.care.inpatient",
            INSTITUTION, InpatientEvent.class, HospitalReport::institutionId, DELETE);
    public static final Topic<InstitutionId, PreventionEvent> PREVENTION = topic("mma.prevention.events",
            INSTITUTION, PreventionEvent.class, HospitalReport::institutionId, DELETE);
    public static final Topic<InstitutionId, ConductEvent> CONDUCT = topic("mma.conduct.incidents",
            INSTITUTION, ConductEvent.class, HospitalReport::institutionId, DELETE);
    public static final Topic<InstitutionId, SupportEvent> SUPPORT = topic("mma.support.metrics",
            INSTITUTION, SupportEvent.class, HospitalReport::institutionId, DELETE);

    // --- referral lifecycle, keyed by referral so one referral's transitions stay in order ---
    public static final Topic<ReferralId, ReferralEvent> REFERRALS = topic("mma.referral.events",
            KeyFormat.ofText(ReferralId.class, ReferralId::of), ReferralEvent.class, ReferralEvent::referralId, DELETE);

    // --- outputs ---
    public static final Topic<ScoreKey, ScoringEvent> FACTOR_SCORES = topic("mma.scoring.factor-scores",
            KeyFormat.ofText(ScoreKey.class, ScoreKey::parse), ScoringEvent.class,
            ScoreKey::of, COMPACT);
    public static final Topic<BudgetKey, AllianceBudgetApproved> BUDGETS = topic("mma.insurance.budgets",
            KeyFormat.ofText(BudgetKey.class, BudgetKey::parse), AllianceBudgetApproved.class, BudgetKey::of, COMPACT);
    public static final Topic<InstitutionId, CaseSettled> CASE_SETTLEMENTS = topic("mma.insurance.case-settlements",
            INSTITUTION, CaseSettled.class, CaseSettled::institutionId, DELETE);
    public static final Topic<AllianceId, PeriodSettlementEvent> PERIOD_SETTLEMENTS = topic("mma.insurance.period-settlements",
            ALLIANCE, PeriodSettlementEvent.class, PeriodSettlementEvent::allianceId, DELETE);
    // Keyed by institution, like its cases: a hospital reads its own clearing where it reads its case settlements.
    public static final Topic<InstitutionId, DipYearCleared> DIP_CLEARINGS = topic("mma.insurance.dip-clearings",
            INSTITUTION, DipYearCleared.class, DipYearCleared::institutionId, DELETE);

    private static final List<Topic<?, ?>> ALL = List.of(
            INSTITUTIONS, ALLIANCES, SPECIALTIES, GUIDANCE_CATALOGUE,
            CAPACITY, OUTPATIENT_VISITS, INPATIENT, PREVENTION, CONDUCT, SUPPORT,
            REFERRALS,
            FACTOR_SCORES, BUDGETS, CASE_SETTLEMENTS, PERIOD_SETTLEMENTS, DIP_CLEARINGS);

    private Topics() {
    }

    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    private static final Map<String, Topic<?, ?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Topic::name, topic -> topic));

    public static Optional<Topic<?, ?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The topic a record type is published on (each type belongs to exactly one). */
    public static Optional<Topic<?, ?>> carrying(Class<? extends ContractRecord> recordType) {
        return ALL.stream().filter(topic -> topic.valueType().isAssignableFrom(recordType)).findFirst();
    }

    private static <K, V extends ContractRecord> Topic<K, V> topic(String name, KeyFormat<K> key, Class<V> valueType,
                                                                   Function<? super V, K> keyOf, CleanupPolicy policy) {
        return new Topic<>(name, key, valueType, keyOf, policy, null, DEFAULT_PARTITIONS);
    }
}
