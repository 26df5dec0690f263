package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.scoring.ScoringEvent;
import cn.hunan.mma.events.topic.ScoreKey;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.ReferralId;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.Totals;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small 湘潭 for topology tests: a village clinic, a township centre and the county hospital of
 * 湘潭县 (430321) in its county medical community, a city hospital in 雨湖区 (430302) and a
 * provincial hospital in 长沙 (430103), fed to the real topology through {@link TopologyTestDriver}.
 */
final class ScoringWorld implements AutoCloseable {

    static final InstitutionId VILLAGE_CLINIC = InstitutionId.of("430321V100001");
    static final InstitutionId TOWNSHIP_CENTRE = InstitutionId.of("430321T0100");
    static final InstitutionId COUNTY_HOSPITAL = InstitutionId.of("430321H0001");
    static final InstitutionId CITY_HOSPITAL = InstitutionId.of("430302H0101");
    static final InstitutionId PROVINCIAL_HOSPITAL = InstitutionId.of("430103H0202");
    static final AllianceId COUNTY_COMMUNITY = AllianceId.of("CC-430321");
    static final DivisionCode XIANGTAN_COUNTY_VILLAGE = DivisionCode.of("430321100001");
    static final Clock NOW = Clock.fixed(Instant.parse("2025-12-31T00:00:00Z"), ZoneOffset.UTC);
    static final Duration GRACE = Duration.ofDays(10);

    private static final AtomicLong SERIAL = new AtomicLong();

    private final ContractCodec codec = ContractCodec.withClock(NOW);
    private final TopologyTestDriver driver;
    private final RuleSet seed;
    private final AllianceSnapshot community;

    ScoringWorld() {
        this(RuleSetJson.seed());
    }

    ScoringWorld(RuleSet rules) {
        this(rules, new SimpleMeterRegistry());
    }

    /** Counting the dead letters in {@code meters}. */
    ScoringWorld(MeterRegistry meters) {
        this(RuleSetJson.seed(), meters);
    }

    private ScoringWorld(RuleSet rules, MeterRegistry meters) {
        this.seed = rules;
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/scoring-ttd-" + UUID.randomUUID());
        ScoringSettings settings = new ScoringSettings(codec, GRACE, Duration.ofSeconds(1), rules, NOW);
        driver = new TopologyTestDriver(new ScoringTopology(rules, settings, meters).build(), config);
        matrix(institution(VILLAGE_CLINIC, Level.VILLAGE, InstitutionKind.CLINIC, "430321100001"),
                institution(TOWNSHIP_CENTRE, Level.TOWNSHIP, InstitutionKind.COMMUNITY, "430321100"),
                institution(COUNTY_HOSPITAL, Level.COUNTY, InstitutionKind.GENERAL, "430321"),
                institution(CITY_HOSPITAL, Level.CITY, InstitutionKind.GENERAL, "430302"),
                institution(PROVINCIAL_HOSPITAL, Level.PROVINCE, InstitutionKind.GENERAL, "430103"));
        AllianceSnapshot community = new AllianceSnapshot(newId(), Instant.parse("2025-01-01T00:00:00Z"), COUNTY_COMMUNITY,
                "湘潭县医共体", AllianceKind.COUNTY_COMMUNITY, COUNTY_HOSPITAL,
                List.of(COUNTY_HOSPITAL, TOWNSHIP_CENTRE, VILLAGE_CLINIC), List.of(DivisionCode.of("430321")),
                List.of(CITY_HOSPITAL, PROVINCIAL_HOSPITAL));
        driver.createInputTopic(Topics.ALLIANCES.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(COUNTY_COMMUNITY.value(), codec.encode(community));
        this.community = community;
    }

    /** Publishes the county community dissolved, as navigation-service does. */
    void dissolveCommunity(Instant at) {
        driver.createInputTopic(Topics.ALLIANCES.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(COUNTY_COMMUNITY.value(), codec.encode(AllianceDissolution.of(community, newId(), at)));
    }

    /** Publishes the county community with these members (same lead and divisions), as navigation-service does on a revision. */
    void restateCommunity(Instant at, InstitutionId... members) {
        driver.createInputTopic(Topics.ALLIANCES.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(COUNTY_COMMUNITY.value(), codec.encode(new AllianceSnapshot(newId(), at, COUNTY_COMMUNITY, community.name(),
                        community.kind(), community.leadInstitutionId(), List.of(members), community.coveredDivisions(),
                        community.collaboratingTertiaryIds())));
    }

    /** Publishes one more general institution on the matrix topic, as navigation-service does when one joins. */
    void addInstitution(InstitutionId id, Level level, String division) {
        matrix(institution(id, level, InstitutionKind.GENERAL, division));
    }

    private void matrix(InstitutionSnapshot... institutions) {
        TestInputTopic<String, byte[]> topic = driver.createInputTopic(Topics.INSTITUTIONS.name(), new StringSerializer(), new ByteArraySerializer());
        for (InstitutionSnapshot institution : institutions) {
            topic.pipeInput(institution.institutionId().value(), codec.encode(institution));
        }
    }

    private static InstitutionSnapshot institution(InstitutionId id, Level level, InstitutionKind kind, String division) {
        return new InstitutionSnapshot(newId(), Instant.parse("2025-01-01T00:00:00Z"), id, "机构 " + id.value(), level, kind,
                DivisionCode.of(division), null, null, List.of(), true);
    }

    static EventId newId() {
        return EventId.of(new UUID(0x5c0be000_0000_8000L, 0x8000_0000_0000_0000L | SERIAL.incrementAndGet()));
    }

    static OutpatientVisitRecorded visit(InstitutionId at, Instant when) {
        return visit(newId(), at, when, "20.00", null);
    }

    static OutpatientVisitRecorded visit(EventId id, InstitutionId at, Instant when, String total, EventId corrects) {
        return new OutpatientVisitRecorded(id, when, at, DepartmentId.of("internal"), VisitKind.OUTPATIENT, patient(),
                XIANGTAN_COUNTY_VILLAGE, Icd10Code.of("I10"), new Charges(Money.ofYuan(total), Money.ofYuan("0.00"), Money.ofYuan("0.00")),
                false, null, corrects);
    }

    static InpatientDischarged discharge(EventId id, InstitutionId at, Instant when, String total, DischargeMode mode, EventId corrects) {
        LocalDate day = when.atZone(Period.ZONE).toLocalDate();
        return new InpatientDischarged(id, when, at, DepartmentId.of("internal"), patient(), XIANGTAN_COUNTY_VILLAGE,
                DivisionCode.of("430321"), Icd10Code.of("J18.9"), List.of(), DrgCode.of("ES21"),
                new Charges(Money.ofYuan(total), Money.ofYuan("0.00"), Money.ofYuan("0.00")), mode, day.minusDays(5), day, 5, null, corrects);
    }

    static InpatientDischarged discharge(InstitutionId at, Instant when) {
        return discharge(newId(), at, when, "1000.00", DischargeMode.ON_MEDICAL_ADVICE, null);
    }

    /** A downward referral requested by {@code from} to {@code to}: counted under {@code referrals.DOWN} for the sender. */
    static ReferralRequested downwardReferral(InstitutionId from, InstitutionId to, Instant when) {
        String serial = Long.toString(SERIAL.incrementAndGet());
        return new ReferralRequested(newId(), when, ReferralId.of("RF-" + serial), EpisodeId.of("EP-" + serial),
                new ReferralParty(from, DepartmentId.of("internal")), new ReferralParty(to, DepartmentId.of("internal")), patient(),
                Icd10Code.of("I10"), "stable, back to primary care", List.of(ReferralCriterion.DIAGNOSIS_CLEAR_CONDITION_STABLE),
                ReferralDirection.DOWN, Urgency.ROUTINE, false, List.of());
    }

    private static PatientPseudonym patient() {
        return PatientPseudonym.of("ab".repeat(32));
    }

    <K> void send(Topic<K, ?> topic, ContractRecord record) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        String key = topic.keyText((K) ((Topic) topic).keyOf(record));
        sendRaw(topic.name(), key.getBytes(java.nio.charset.StandardCharsets.UTF_8), codec.encode(record));
    }

    /** The record as a producer would send it, but under another key. */
    void sendKeyed(Topic<?, ?> topic, String key, ContractRecord record) {
        sendRaw(topic.name(), key.getBytes(java.nio.charset.StandardCharsets.UTF_8), codec.encode(record));
    }

    /** Sends one record and lets the ledger forward what it counted, so the totals show it at once. */
    void sendRaw(String topic, byte[] key, byte[] value) {
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()).pipeInput(key, value);
        driver.advanceWallClockTime(LedgerProcessor.FORWARD_INTERVAL);
    }

    void loadRuleSet(RuleSet rules) {
        driver.createInputTopic(ScoringTopology.RULE_SETS_TOPIC, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(rules.version(), RuleSetJson.write(rules));
    }

    Totals totals(String scope, String period) {
        return new TotalsReader(driver.getKeyValueStore(ScoringTopology.TOTALS_STORE)).totals(scope, Period.parse(period));
    }

    List<String> sample(String scope, String period) {
        return new TotalsReader(driver.getKeyValueStore(ScoringTopology.TOTALS_STORE)).sampleEventIds(scope, Period.parse(period));
    }

    /** The score as the API reads it: today's rule version over the stored totals. */
    cn.hunan.mma.scoring.domain.EntityScore score(String scope, String period) {
        RuleSets ruleSets = new RuleSets(driver.getTimestampedKeyValueStore(ScoringTopology.RULE_SETS_STORE), seed, NOW);
        return new ScoreReading(new TotalsReader(driver.getKeyValueStore(ScoringTopology.TOTALS_STORE)), ruleSets)
                .score(scope, Period.parse(period));
    }

    /** The alliance as the rankings and score lookups read it from the global stores (see {@link AllianceLifetime}). */
    java.util.Optional<AllianceLifetime> lifetime(AllianceId id) {
        org.apache.kafka.streams.state.KeyValueStore<String, AllianceSnapshot> stated = driver.getKeyValueStore(ScoringTopology.ALLIANCES_STORE);
        org.apache.kafka.streams.state.KeyValueStore<String, AllianceSnapshot> kept = driver.getKeyValueStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE);
        return AllianceLifetime.of(stated.get(id.value()), kept.get(id.value()));
    }

    /** How many event ids the ledger holds filed under the month ("2025-03"). */
    long ledgerEntries(String month) {
        int number = Contribution.monthNumber(month);
        org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> ledger =
                driver.getKeyValueStore(ScoringTopology.LEDGER_STORE);
        long count = 0;
        try (var range = ledger.range(LedgerKeys.firstOf(number), LedgerKeys.lastOf(number))) {
            while (range.hasNext()) {
                range.next();
                count++;
            }
        }
        return count;
    }

    TestOutputTopic<byte[], byte[]> deadLetters(Topic<?, ?> topic) {
        return driver.createOutputTopic(topic.deadLetter().name(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    TestOutputTopic<ScoreKey, ScoringEvent> scores() {
        return driver.createOutputTopic(Topics.FACTOR_SCORES.name(), Topics.FACTOR_SCORES.keySerde().deserializer(),
                Topics.FACTOR_SCORES.valueSerde(codec).deserializer());
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    @Override
    public void close() {
        driver.close();
    }
}
