package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.events.scoring.FactorScore;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.streams.ScoringSettings;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scorer's real topology (ScoringTopology, with the surplus projection grafted on) under
 * TopologyTestDriver, with the members of the DOMAIN.md §7 湘潭县医共体 example: the county hospital and two
 * township centres of 430321, and a city hospital in 雨湖区 (430302) where residents are treated out of area.
 */
final class SurplusWorld implements AutoCloseable {

    static final AllianceId ALLIANCE = AllianceId.of("XTX-YGT-01");
    static final InstitutionId COUNTY_HOSPITAL = InstitutionId.of("430321H0001");
    static final InstitutionId TOWNSHIP_A = InstitutionId.of("430321T0100");
    static final InstitutionId TOWNSHIP_B = InstitutionId.of("430321T0102");
    static final InstitutionId CITY_HOSPITAL = InstitutionId.of("430302H0101");
    static final Clock NOW = Clock.fixed(Instant.parse("2025-12-31T00:00:00Z"), ZoneOffset.UTC);
    static final Instant MARCH_10 = Instant.parse("2025-03-10T02:00:00Z");
    private static final Instant MATRIX_TIME = Instant.parse("2025-01-01T00:00:00Z");
    private static final AtomicLong SERIAL = new AtomicLong();

    private final ContractCodec codec = ContractCodec.withClock(NOW);
    private final TopologyTestDriver driver;
    private final SurplusSettings settings = SurplusSettings.fromConfig();
    private final AllianceSnapshot alliance;

    SurplusWorld() {
        RuleSet seed = RuleSetJson.seed();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "surplus-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/surplus-ttd-" + UUID.randomUUID());
        // Scores are fed by the test (the same ones the close gets): the scorer's own emitter stays quiet.
        ScoringSettings scoring = new ScoringSettings(codec, Duration.ofDays(10), Duration.ofDays(3650), seed, NOW);
        driver = new TopologyTestDriver(new ScoringTopology(seed, scoring).build(), config);
        send(Topics.INSTITUTIONS, institution(COUNTY_HOSPITAL, Level.COUNTY, "430321"));
        send(Topics.INSTITUTIONS, institution(TOWNSHIP_A, Level.TOWNSHIP, "430321100"));
        send(Topics.INSTITUTIONS, institution(TOWNSHIP_B, Level.TOWNSHIP, "430321101"));
        send(Topics.INSTITUTIONS, institution(CITY_HOSPITAL, Level.CITY, "430302"));
        alliance = new AllianceSnapshot(newId(), MATRIX_TIME, ALLIANCE, "湘潭县医共体",
                AllianceKind.COUNTY_COMMUNITY, COUNTY_HOSPITAL, List.of(COUNTY_HOSPITAL, TOWNSHIP_A, TOWNSHIP_B),
                List.of(DivisionCode.of("430321")), List.of());
        send(Topics.ALLIANCES, alliance);
    }

    /** Publishes the alliance dissolved, as navigation-service does: its lead alone, covering nothing. */
    void dissolve(Instant at) {
        send(Topics.ALLIANCES, AllianceDissolution.of(alliance, newId(), at));
    }

    SurplusSettings settings() {
        return settings;
    }

    /** DOMAIN.md §7: ¥500m × 1.05 − ¥26.25m reserve − ¥10m carve-outs = ¥488.75m. */
    void approveBudget(String packageYuan) {
        send(Topics.BUDGETS, new AllianceBudgetApproved(newId(), MATRIX_TIME, ALLIANCE, 2025, Money.ofYuan("500000000.00"),
                new BigDecimal("0.05"), Money.ofYuan("26250000.00"), Money.ofYuan("10000000.00"), SignedMoney.ZERO,
                Money.ofYuan(packageYuan), "xiangtan-2025.1", "insurance-bureau"));
    }

    /** A composite for the year, as the scorer publishes it (every factor at the composite). */
    void score(ScoredEntityKind kind, String id, String composite) {
        List<FactorScore> factors = new ArrayList<>();
        for (Factor factor : Factor.values()) {
            factors.add(new FactorScore(factor, new BigDecimal(composite)));
        }
        send(Topics.FACTOR_SCORES, new FactorScoreComputed(newId(), MATRIX_TIME, kind, id, Period.ofYear(2025),
                "seed-2025.1", new BigDecimal(composite), factors));
    }

    /** A 湘潭县 resident's discharge paid by the fund with {@code fundPaidYuan}, treated at {@code at}. */
    void discharge(InstitutionId at, String fundPaidYuan) {
        LocalDate day = MARCH_10.atZone(Period.ZONE).toLocalDate();
        send(Topics.INPATIENT, new InpatientDischarged(newId(), MARCH_10, at, DepartmentId.of("internal"),
                PatientPseudonym.of("cd".repeat(32)), DivisionCode.of("430321100001"), DivisionCode.of("430321"),
                Icd10Code.of("J18.9"), List.of(), DrgCode.of("ES21"),
                new Charges(Money.ofYuan(fundPaidYuan), Money.ofYuan(fundPaidYuan), Money.ofYuan("0.00")),
                DischargeMode.ON_MEDICAL_ADVICE, day.minusDays(5), day, 5, null, null));
        // The ledger forwards its sums every 200 ms (wall clock).
        driver.advanceWallClockTime(Duration.ofMillis(500));
    }

    /** Lets the projector's interval pass, so it recomputes and publishes what changed. */
    void tick() {
        driver.advanceWallClockTime(settings.interval());
    }

    /** Every projection published so far for the alliance's year, oldest first. */
    List<SurplusView> published() {
        List<SurplusView> views = new ArrayList<>();
        driver.createOutputTopic(SurplusProjection.TOPIC, new StringDeserializer(), new StringDeserializer())
                .readKeyValuesToList().forEach(record -> {
                    if (record.key.equals(ALLIANCE.value() + "|2025")) {
                        views.add(SurplusJson.read(record.value));
                    }
                });
        return views;
    }

    /** What the GET serves: the projections global store. */
    String served(String key) {
        KeyValueStore<String, String> store = driver.getKeyValueStore(SurplusProjection.PROJECTIONS_STORE);
        return store.get(key);
    }

    private <K> void send(Topic<K, ?> topic, ContractRecord record) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        String key = topic.keyText((K) ((Topic) topic).keyOf(record));
        driver.createInputTopic(topic.name(), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(key.getBytes(StandardCharsets.UTF_8), codec.encode(record));
    }

    private static InstitutionSnapshot institution(InstitutionId id, Level level, String division) {
        return new InstitutionSnapshot(newId(), MATRIX_TIME, id, "机构 " + id.value(), level, InstitutionKind.GENERAL,
                DivisionCode.of(division), null, null, List.of(), true);
    }

    private static EventId newId() {
        return EventId.of(new UUID(0x5a7b0000_0000_8000L, 0x8000_0000_0000_0000L | SERIAL.incrementAndGet()));
    }

    @Override
    public void close() {
        driver.close();
    }
}
