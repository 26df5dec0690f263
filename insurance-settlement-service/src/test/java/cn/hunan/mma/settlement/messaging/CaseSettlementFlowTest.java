package cn.hunan.mma.settlement.messaging;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.DipYearCleared;
import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Icd9Cm3Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.domain.parameters.SeedParameters;
import cn.hunan.mma.settlement.rest.TestDatabase;
import cn.hunan.mma.settlement.rest.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static cn.hunan.mma.settlement.rest.TestCallers.CHANGSHA_OFFICER;
import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_AUDITOR;
import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_OFFICER;
import static cn.hunan.mma.settlement.rest.TestTopics.producer;
import static cn.hunan.mma.settlement.rest.TestTopics.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Discharges produced to the inpatient topic are settled by DRG with the real Changsha weights and
 * published on the case-settlements topic through the outbox, once per discharge event; the
 * episode's deductible is paid once; a discharge the contract refuses goes to the DLT with its reason.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class CaseSettlementFlowTest {

    private static final InpatientDischarged GOLDEN = GoldenFixtures.record(InpatientDischarged.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YUETANG = "430304";

    @Test
    void a_duplicated_discharge_is_settled_once_and_the_episodes_second_stay_pays_no_second_deductible() throws Exception {
        EpisodeId episode = newEpisode();
        InpatientDischarged first = discharge(EventId.random(), episode);
        InpatientDischarged second = discharge(EventId.random(), episode);
        awaitInstitutionKnown();
        try (var producer = producer()) {
            send(producer, Topics.INPATIENT, first);
            send(producer, Topics.INPATIENT, first);
            send(producer, Topics.INPATIENT, second);
        }

        // Same institution key, same partition: once the second is settled, the duplicate has been seen.
        List<CaseSettled> settled = awaitSettlements(List.of(first.eventId(), second.eventId()));

        assertThat(settled).filteredOn(s -> s.dischargeEventId().equals(first.eventId())).singleElement().satisfies(s -> {
            // BR25 0.781 × ¥10,000 × county 0.9 = ¥7,029.00, less the county deductible ¥600
            assertThat(s.standardPayment()).isEqualTo(Money.ofYuan("7029.00"));
            assertThat(s.outlierKind()).isEqualTo(OutlierKind.NONE);
            assertThat(s.fundPayable()).isEqualTo(Money.ofYuan("6429.00"));
            // Insured in 430321: no county or city version loaded, so the synthetic province seed.
            assertThat(s.ruleVersion()).isEqualTo("430000/2000-01-01");
        });
        assertThat(settled).filteredOn(s -> s.dischargeEventId().equals(second.eventId())).singleElement()
                .satisfies(s -> assertThat(s.fundPayable()).isEqualTo(Money.ofYuan("7029.00")));
    }

    @Test
    void a_correction_supersedes_the_settlement_of_the_discharge_it_corrects_and_is_settled_again() throws Exception {
        EpisodeId episode = newEpisode();
        InpatientDischarged original = discharge(EventId.random(), episode);
        InpatientDischarged base = discharge(EventId.random(), episode);
        InpatientDischarged correction = new InpatientDischarged(EventId.random(), base.occurredAt(), base.institutionId(),
                base.departmentId(), base.patient(), base.residenceDivision(), base.insuredAreaDivision(),
                base.principalDiagnosis(), base.procedures(), base.drgGroup(),
                new Charges(Money.ofYuan("30000.00"), base.charges().fundPaid(), base.charges().outOfPocket()),
                base.dischargeMode(), base.admissionDate(), base.dischargeDate(), base.lengthOfStayDays(), episode,
                original.eventId());
        awaitInstitutionKnown();
        try (var producer = producer()) {
            send(producer, Topics.INPATIENT, original);
            send(producer, Topics.INPATIENT, correction);
        }

        List<CaseSettled> settled = awaitSettlements(List.of(original.eventId(), correction.eventId()));

        // ¥30,000 > 3 × ¥7,029: paid 7,029 × (30,000/7,029 − 3 + 1) = ¥15,942.00; the superseded stay's
        // deductible no longer counts, so the corrected stay owes the county ¥600 again.
        assertThat(settled).filteredOn(s -> s.dischargeEventId().equals(correction.eventId())).singleElement().satisfies(s -> {
            assertThat(s.outlierKind()).isEqualTo(OutlierKind.HIGH_COST);
            assertThat(s.fundPayable()).isEqualTo(Money.ofYuan("15342.00"));
        });
        // Sent back to back, the two usually share a poll: the original is written and superseded in one transaction.
        assertThat(standing(original.eventId(), correction.eventId())).containsExactly(correction.eventId().asUuid());
    }

    /**
     * The database kills the connection of a batch part way (an administrator, a failover): once the database answers
     * again the batch is settled afresh, instead of its discharges going to the dead-letter topic.
     */
    @Test
    void a_batch_whose_database_connection_is_killed_is_settled_again_not_dead_lettered() throws Exception {
        InpatientDischarged stay = discharge(EventId.random(), null);
        awaitInstitutionKnown();
        try (Connection blocker = TestDatabase.connect()) {
            // An uncommitted row of the same discharge: the batch's insert waits for this transaction to end.
            blocker.setAutoCommit(false);
            try (var insert = blocker.prepareStatement("INSERT INTO case_settlement (discharge_event_id, institution_id, "
                    + "settlement_year, method, group_code, standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, "
                    + "rule_version, superseded, settled_at, residence_division) "
                    + "VALUES (?, ?, 2025, 'DRG', 'BR25', 0, 0, 0, 0, 'NONE', 'blocker', FALSE, now(), ?)")) {
                insert.setObject(1, stay.eventId().asUuid());
                insert.setString(2, stay.institutionId().value());
                insert.setString(3, stay.residenceDivision().value());
                insert.executeUpdate();
            }
            try (var producer = producer()) {
                send(producer, Topics.INPATIENT, stay);
            }
            await("the batch's connection waiting on the blocker, killed").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(CaseSettlementFlowTest::killedABackendWaitingOnALock);
            blocker.rollback();
        }

        awaitSettlements(List.of(stay.eventId()));
        assertThat(standing(stay.eventId())).containsExactly(stay.eventId().asUuid());
        assertThat(deadLettered(stay.eventId())).isFalse();
    }

    private static boolean killedABackendWaitingOnALock() throws Exception {
        try (Connection db = TestDatabase.connect(); var statement = db.createStatement();
             var killed = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            return killed.next() && killed.getBoolean(1);
        }
    }

    /** Whether the dead-letter topic of the discharges holds one with this event id (read to its end). */
    private static boolean deadLettered(EventId discharge) {
        String topic = Topics.INPATIENT.deadLetter().name();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = fromTheBeginning(consumer, topic);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            boolean found = false;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    found |= new String(record.value(), StandardCharsets.UTF_8).contains(discharge.toString());
                }
            }
            return found;
        }
    }

    /**
     * 冷水江 (431381; no other test uses its rules) has a version stored before today's checks that it now fails (a
     * DRG base rate of 0, which priced every case at nothing): a discharge insured there is dead-lettered with that
     * reason, alone — the discharge sent with it, under the province's seed, is settled. Before, the unreadable
     * version failed the whole poll.
     */
    @Test
    void a_discharge_whose_rules_cannot_be_read_is_dead_lettered_alone() throws Exception {
        try (Connection db = TestDatabase.connect(); var insert = db.prepareStatement("INSERT INTO area_parameters "
                + "(version_id, area, effective_from, parameters_json, loaded_by, loaded_at) "
                + "VALUES ('431381/2020-01-01', '431381', DATE '2020-01-01', ?, 'test', now()) ON CONFLICT DO NOTHING")) {
            insert.setString(1, SeedParameters.json().replace("\"drgBaseRate\":\"10000.00\"", "\"drgBaseRate\":\"0.00\""));
            assertThat(SeedParameters.json()).contains("\"drgBaseRate\":\"10000.00\"");
            insert.executeUpdate();
        }
        InpatientDischarged unreadable = insuredIn("431381", discharge(EventId.random(), null));
        InpatientDischarged good = discharge(EventId.random(), null);
        awaitInstitutionKnown();
        try (var producer = producer()) {
            send(producer, Topics.INPATIENT, unreadable);
            send(producer, Topics.INPATIENT, good);
        }

        awaitSettlements(List.of(good.eventId()));
        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.INPATIENT.deadLetter().name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(unreadable.eventId().value()));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("drgBaseRate");
        assertThat(storedRows(unreadable.eventId())).isZero();
        assertThat(deadLettered(good.eventId())).isFalse();
    }

    /**
     * A correction settled first, then its original (replayed from the dead-letter topic, say): the original is not
     * settled beside it — the fund would pay the stay twice — and goes nowhere else either.
     */
    @Test
    void an_original_that_arrives_after_its_correction_is_not_settled() throws Exception {
        EpisodeId episode = newEpisode();
        InpatientDischarged original = discharge(EventId.random(), episode);
        InpatientDischarged correction = correcting(original);
        awaitInstitutionKnown();
        settledInTurn(List.of(correction));
        consumed(original);

        assertThat(standing(original.eventId(), correction.eventId())).containsExactly(correction.eventId().asUuid());
        assertThat(storedRows(original.eventId())).isZero();
    }

    /**
     * A stay corrected three times, each correction settled before the next is sent: the second names the original
     * (already replaced by the first), the third names the first correction (already replaced by the second). Each takes
     * the place of the version standing, so one version of the stay stands — before, the second stood beside the first
     * and the fund paid the stay twice.
     */
    @Test
    void a_stay_corrected_again_has_one_standing_version_whichever_version_the_correction_names() throws Exception {
        EpisodeId episode = newEpisode();
        InpatientDischarged original = discharge(EventId.random(), episode);
        InpatientDischarged first = correcting(original);
        InpatientDischarged second = correcting(original);
        InpatientDischarged third = correcting(first);
        awaitInstitutionKnown();
        List<CaseSettled> published = settledInTurn(List.of(original, first, second, third));

        assertThat(standing(original.eventId(), first.eventId(), second.eventId(), third.eventId()))
                .containsExactly(third.eventId().asUuid());
        // What a consumer keeping totals needs: each settlement names the one it replaced.
        assertThat(published).extracting(CaseSettled::dischargeEventId, CaseSettled::supersedes).containsExactly(
                tuple(original.eventId(), null), tuple(first.eventId(), List.of(original.eventId())),
                tuple(second.eventId(), List.of(first.eventId())), tuple(third.eventId(), List.of(second.eventId())));
    }

    /**
     * The stay's second correction arrives before the first (which it names): it stands beside the original, as no
     * stored row links them. The first, arriving later, is stored as replaced, announced to no one, and replaces the
     * original; a correction naming the original afterwards finds the whole chain and replaces the second.
     */
    @Test
    void a_correction_arriving_after_the_one_that_replaced_it_still_replaces_what_it_corrects() throws Exception {
        EpisodeId episode = newEpisode();
        InpatientDischarged original = discharge(EventId.random(), episode);
        InpatientDischarged first = correcting(original);
        InpatientDischarged second = correcting(first);
        InpatientDischarged third = correcting(original);
        awaitInstitutionKnown();
        settledInTurn(List.of(original, second));
        consumed(first);

        assertThat(standing(original.eventId(), first.eventId(), second.eventId())).containsExactly(second.eventId().asUuid());
        assertThat(storedRows(first.eventId())).isOne();

        assertThat(settledInTurn(List.of(third)).get(0).supersedes()).containsExactly(second.eventId());
        assertThat(standing(original.eventId(), first.eventId(), second.eventId(), third.eventId()))
                .containsExactly(third.eventId().asUuid());
    }

    /**
     * The catalogue names J06 (acute upper respiratory infections) a primary-level disease and carves J06.0 out. BR25
     * 0.781 × ¥10,000 × primary 0.85 = ¥6,638.50 at the county hospital and at the township one alike, less each level's
     * deductible (county ¥600 → ¥6,038.50; township ¥300 → ¥6,338.50); J06.0 keeps the county's 0.9: ¥7,029.00 − ¥600.
     */
    @Test
    void a_primary_level_disease_of_the_guidance_catalogue_is_paid_the_same_at_every_level() throws Exception {
        InstitutionSnapshot county = GoldenFixtures.record(InstitutionSnapshot.class);
        InstitutionSnapshot township = new InstitutionSnapshot(EventId.random(), county.occurredAt(), InstitutionId.of("430321T0102"),
                "湘潭县射埠镇卫生院", Level.TOWNSHIP, InstitutionKind.GENERAL, DivisionCode.of("430321102"), null, null,
                county.allianceIds(), true);
        try (var producer = producer()) {
            send(producer, Topics.INSTITUTIONS, county);
            send(producer, Topics.INSTITUTIONS, township);
            send(producer, Topics.GUIDANCE_CATALOGUE, catalogueEntry("J06", true));
            send(producer, Topics.GUIDANCE_CATALOGUE, catalogueEntry("J06.0", false));
        }
        awaitStored("SELECT count(*) FROM guidance_catalogue WHERE icd10_prefix IN ('J06', 'J06.0')", 2);
        awaitStored("SELECT count(*) FROM institution WHERE id IN ('" + county.institutionId().value() + "', '"
                + township.institutionId().value() + "')", 2);
        InpatientDischarged atCounty = withDiagnosis(discharge(EventId.random(), null), "J06.900", county.institutionId());
        InpatientDischarged atTownship = withDiagnosis(discharge(EventId.random(), null), "J06.900", township.institutionId());
        InpatientDischarged carvedOut = withDiagnosis(discharge(EventId.random(), null), "J06.000", county.institutionId());
        try (var producer = producer()) {
            for (InpatientDischarged discharge : List.of(atCounty, atTownship, carvedOut)) {
                send(producer, Topics.INPATIENT, discharge);
            }
        }

        Map<EventId, CaseSettled> settled = awaitAllSettled(List.of(atCounty.eventId(), atTownship.eventId(), carvedOut.eventId()));

        assertThat(settled.get(atCounty.eventId()).standardPayment()).isEqualTo(Money.ofYuan("6638.50"));
        assertThat(settled.get(atCounty.eventId()).fundPayable()).isEqualTo(Money.ofYuan("6038.50"));
        assertThat(settled.get(atTownship.eventId()).standardPayment()).isEqualTo(Money.ofYuan("6638.50"));
        assertThat(settled.get(atTownship.eventId()).fundPayable()).isEqualTo(Money.ofYuan("6338.50"));
        assertThat(settled.get(carvedOut.eventId()).standardPayment()).isEqualTo(Money.ofYuan("7029.00"));
        assertThat(settled.get(carvedOut.eventId()).fundPayable()).isEqualTo(Money.ofYuan("6429.00"));
    }

    /**
     * 岳塘区 (430304) settles by DIP under a version an insurance officer loads with its catalogue: point value ¥12.50,
     * county coefficient 0.90 (the seed's), so a point is worth ¥11.25 at the county hospital.
     * I63.900 operated with 99.1000 → group I63.9+99.1000 (800 points, mean ¥10,000): ¥9,000.00, fund ¥8,400.00 after the
     * county deductible; not operated → I63.9 (600, mean ¥7,000): ¥6,750.00, fund ¥6,150.00; I63.000 → no I63.0 group →
     * the comprehensive I63 (500, mean ¥6,000), and its ¥15,000.00 is above 2 × ¥6,000: 500 × (15,000/6,000 − 2 + 1) =
     * 750 points = ¥8,437.50, fund ¥7,837.50. J18.900 has no group: dead-lettered with the reason.
     */
    @Test
    void a_dip_area_settles_by_the_catalogue_loaded_with_its_rules() throws Exception {
        loadDipVersion(YUETANG);
        awaitInstitutionKnown();
        List<InpatientDischarged> grouped = dipStays(YUETANG);
        InpatientDischarged operated = grouped.get(0);
        InpatientDischarged conservative = grouped.get(1);
        InpatientDischarged comprehensive = grouped.get(2);
        InpatientDischarged ungrouped = withDiagnosis(operated, "J18.900", GOLDEN.institutionId());
        try (var producer = producer()) {
            for (InpatientDischarged discharge : List.of(operated, conservative, comprehensive, ungrouped)) {
                send(producer, Topics.INPATIENT, discharge);
            }
        }

        Map<EventId, CaseSettled> settled = awaitAllSettled(List.of(operated.eventId(), conservative.eventId(), comprehensive.eventId()));

        assertThat(settled.values()).allSatisfy(s -> {
            assertThat(s.method()).isEqualTo(PaymentMethod.DIP);
            assertThat(s.ruleVersion()).isEqualTo(YUETANG + "/2025-01-01");
        });
        assertThat(List.of(operated, conservative, comprehensive)).extracting(d -> settled.get(d.eventId()))
                .extracting(CaseSettled::groupCode, CaseSettled::standardPayment, CaseSettled::outlierKind, CaseSettled::fundPayable)
                .containsExactly(
                        tuple("I63.9+99.1000", Money.ofYuan("9000.00"), OutlierKind.NONE, Money.ofYuan("8400.00")),
                        tuple("I63.9", Money.ofYuan("6750.00"), OutlierKind.NONE, Money.ofYuan("6150.00")),
                        tuple("I63", Money.ofYuan("5625.00"), OutlierKind.HIGH_COST, Money.ofYuan("7837.50")));
        String marker = ungrouped.eventId().value();
        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.INPATIENT.deadLetter().name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
        // A valid record the service could not settle is nacked: SmallRye's dead-letter sender puts the failure's message here.
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("no group for diagnosis J18.900");
    }

    /**
     * 雨湖区 (430302) settles 2025 by DIP at the provisional ¥12.50 a point (the catalogue above), then clears the year
     * with a budget of ¥33,333.33. Cases at the county hospital (coefficient 0.90, deductible ¥600): operated 800
     * points (fund ¥8,400.00), conservative 600 (¥6,150.00), the high-cost I63 case 750 (¥7,837.50), and a conservative
     * case at ¥2,000.00 — below half its ¥6,750.00 standard, paid at cost: fund ¥1,400.00, its 600 points still
     * counted. Σ = 2,750 points → ¥33,333.33 ÷ 2,750 = 12.1212109… → ¥12.121211 a point. Revalued: 800 × 12.121211 ×
     * 0.9 = 8,727.27192 → ¥8,727.27 − 600 = ¥8,127.27; 600 → 6,545.45394 → ¥5,945.45; 750 → 8,181.817425 → ¥7,581.82;
     * at cost ¥1,400.00 unchanged. Provisional ¥23,787.50, cleared ¥23,054.54: the fund pays back −¥732.96.
     */
    @Test
    void a_dip_area_s_year_is_cleared_at_the_point_value_its_budget_buys() throws Exception {
        String yuhu = "430302";
        loadDipVersion(yuhu);
        awaitInstitutionKnown();
        List<InpatientDischarged> grouped = dipStays(yuhu);
        InpatientDischarged operated = grouped.get(0);
        InpatientDischarged conservative = grouped.get(1);
        InpatientDischarged highCost = grouped.get(2);
        InpatientDischarged atCost = withCharges(withProcedures(operated, List.of()),
                new Charges(Money.ofYuan("2000.00"), Money.ofYuan("1400.00"), Money.ofYuan("600.00")));
        try (var producer = producer()) {
            for (InpatientDischarged discharge : List.of(operated, conservative, highCost, atCost)) {
                send(producer, Topics.INPATIENT, discharge);
            }
        }
        Map<EventId, CaseSettled> settled = awaitAllSettled(List.of(operated.eventId(), conservative.eventId(),
                highCost.eventId(), atCost.eventId()));
        assertThat(settled.get(atCost.eventId()).outlierKind()).isEqualTo(OutlierKind.LOW_COST);

        var cleared = given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"budget\":\"33333.33\"}")
                .when().post("/api/v1/dip-clearings/" + yuhu + "/2025").then().statusCode(200);
        var numbers = cleared.extract().jsonPath();
        // JSON numbers: compared by value (the default JSON reading goes through float).
        assertThat(new BigDecimal(numbers.getString("totalPoints"))).isEqualByComparingTo("2750");
        assertThat(new BigDecimal(numbers.getString("pointValue"))).isEqualByComparingTo("12.121211");
        cleared.body("cases", equalTo(4))
                .body("provisionalFundPayable", equalTo("23787.50"))
                .body("clearedFundPayable", equalTo("23054.54"))
                .body("adjustment", equalTo("-732.96"))
                .body("institutions[0].institutionId", equalTo(GOLDEN.institutionId().value()))
                .body("institutions[0].adjustment", equalTo("-732.96"))
                .body("clearedBy", equalTo("xt-insurance-officer"));
        given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/dip-clearings/" + yuhu + "/2025").then().statusCode(200)
                .body("clearedFundPayable", equalTo("23054.54"));
        // Posted and published: the fund claws ¥732.96 back from the county hospital.
        given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/dip-clearings/" + yuhu + "/2025/ledger").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].account", equalTo("INSTITUTION:" + GOLDEN.institutionId().value())).body("[0].side", equalTo("DEBIT"))
                .body("[0].amount", equalTo("732.96"))
                .body("[1].account", equalTo("FUND")).body("[1].side", equalTo("CREDIT")).body("[1].amount", equalTo("732.96"));
        List<TestTopics.Published<DipYearCleared>> published = TestTopics.awaitPublished(Topics.DIP_CLEARINGS,
                clearing -> clearing.area().value().equals(yuhu) && clearing.year() == 2025, 1);
        assertThat(published).hasSize(1);
        DipYearCleared county = published.get(0).value();
        assertThat(published.get(0).key()).isEqualTo(GOLDEN.institutionId().value());
        assertThat(county.pointValue()).isEqualByComparingTo("12.121211");
        assertThat(county.totalPoints()).isEqualByComparingTo("2750");
        assertThat(county.cases()).isEqualTo(4);
        assertThat(county.provisionalFundPayable()).isEqualTo(Money.ofYuan("23787.50"));
        assertThat(county.clearedFundPayable()).isEqualTo(Money.ofYuan("23054.54"));
        assertThat(county.adjustment()).isEqualTo(SignedMoney.ofYuan("-732.96"));

        // A correction after the clearing is worth what the year was cleared at: 800 × ¥12.121211 × 0.9 → ¥8,727.27,
        // fund ¥8,127.27 — not the provisional ¥9,000.00 / ¥8,400.00.
        InpatientDischarged late = correcting(operated);
        try (var producer = producer()) {
            send(producer, Topics.INPATIENT, late);
        }
        CaseSettled corrected = awaitAllSettled(List.of(late.eventId())).get(late.eventId());
        assertThat(corrected.standardPayment()).isEqualTo(Money.ofYuan("8727.27"));
        assertThat(corrected.fundPayable()).isEqualTo(Money.ofYuan("8127.27"));
        // Each row says what priced it: the corrected case the provisional ¥12.50 a point, its correction the cleared value.
        assertThat(storedPointValue(operated.eventId())).isEqualByComparingTo("12.50");
        assertThat(storedPointValue(late.eventId())).isEqualByComparingTo("12.121211");
        // The clearing stays as made, and shows what changed since: the correction (800 points, fund ¥8,127.27) is a
        // late case beyond the cleared total; the operated case it supersedes, cleared at ¥8,127.27, is withdrawn.
        JsonPath clearing = given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/dip-clearings/" + yuhu + "/2025")
                .then().statusCode(200).extract().jsonPath();
        assertThat(clearing.getString("clearedFundPayable")).isEqualTo("23054.54");
        assertThat(clearing.getLong("sinceClearing.lateCases")).isEqualTo(1);
        assertThat(new BigDecimal(clearing.getString("sinceClearing.latePoints"))).isEqualByComparingTo("800");
        assertThat(clearing.getString("sinceClearing.lateFundPayable")).isEqualTo("8127.27");
        assertThat(clearing.getLong("sinceClearing.withdrawnCases")).isEqualTo(1);
        assertThat(clearing.getString("sinceClearing.withdrawnFundPayable")).isEqualTo("8127.27");

        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"budget\":\"40000.00\"}")
                .when().post("/api/v1/dip-clearings/" + yuhu + "/2025").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Already cleared"));
        // 湘潭县 settles by DRG: nothing of its 2025 to clear.
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"budget\":\"40000.00\"}")
                .when().post("/api/v1/dip-clearings/430321/2025").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Nothing to clear"));
        given().auth().oauth2(CHANGSHA_OFFICER).contentType("application/json").body("{\"budget\":\"40000.00\"}")
                .when().post("/api/v1/dip-clearings/" + yuhu + "/2024").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json")
                .body("{\"budget\":\"40000.00\"}").when().post("/api/v1/dip-clearings/" + yuhu + "/" + Year.now(ZoneId.of("Asia/Shanghai")).getValue())
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("not over"));
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"budget\":\"0.00\"}")
                .when().post("/api/v1/dip-clearings/" + yuhu + "/2024").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("budget"));
        given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/dip-clearings/" + yuhu + "/2024").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * One stay of the area's insured for each group of {@link #loadDipVersion}'s catalogue, at the county hospital:
     * I63.900 operated (99.1000, golden charges), the same not operated, and I63.000 operated at ¥15,000.00.
     */
    private static List<InpatientDischarged> dipStays(String area) {
        InpatientDischarged operated = insuredIn(area, withDiagnosis(discharge(EventId.random(), null), "I63.900", GOLDEN.institutionId()));
        InpatientDischarged conservative = withProcedures(operated, List.of());
        InpatientDischarged comprehensive = withCharges(withProcedures(
                withDiagnosis(operated, "I63.000", GOLDEN.institutionId()), List.of(Icd9Cm3Code.of("99.1000"))), "15000.00");
        return List.of(operated, conservative, comprehensive);
    }

    /** A DIP version of the area from 2025: the seed's rules with a three-group I63 catalogue at ¥12.50 a point. */
    private static void loadDipVersion(String area) throws Exception {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("caseRules")).put("method", "DIP");
        ArrayNode catalogue = parameters.putArray("dipCatalogue");
        catalogue.addObject().put("code", "I63.9+99.1000").put("score", 800).put("meanCost", "10000.00");
        catalogue.addObject().put("code", "I63.9").put("score", 600).put("meanCost", "7000.00");
        catalogue.addObject().put("code", "I63").put("score", 500).put("meanCost", "6000.00");
        String version = JSON.writeValueAsString(JSON.createObjectNode().put("effectiveFrom", "2025-01-01").set("parameters", parameters));
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body(version)
                .when().post("/api/v1/parameters/" + area).then().statusCode(200).body("versionId", equalTo(area + "/2025-01-01"));
    }

    @Test
    void a_malformed_discharge_goes_to_the_dead_letter_topic_with_its_reason() throws Exception {
        String key = "430321H0001";
        String marker = UUID.randomUUID().toString();
        String json = new String(ContractCodec.standard().encode(discharge(EventId.of(marker), null)), StandardCharsets.UTF_8)
                .replace("\"dischargeMode\":\"3\"", "\"dischargeMode\":\"7\"");
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.INPATIENT.name(), key, json.getBytes(StandardCharsets.UTF_8))).get();
        }

        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.INPATIENT.deadLetter().name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));

        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isNotBlank();
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.PATH).value(), StandardCharsets.UTF_8))
                .contains("dischargeMode");
    }

    /**
     * A hospital sending the identity card number where the pseudonym belongs: refused with that reason, and the
     * dead-letter topic keeps the record with the number masked, in its value and in every header.
     */
    @Test
    void a_discharge_with_a_national_id_for_its_patient_is_dead_lettered_with_the_number_masked() throws Exception {
        String marker = UUID.randomUUID().toString();
        String nationalId = "43032119800101123X";
        InpatientDischarged discharge = discharge(EventId.of(marker), null);
        String json = new String(ContractCodec.standard().encode(discharge), StandardCharsets.UTF_8)
                .replace(discharge.patient().value(), nationalId);
        assertThat(json).contains(nationalId);
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.INPATIENT.name(), "430321H0001", json.getBytes(StandardCharsets.UTF_8))).get();
        }

        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.INPATIENT.deadLetter().name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));

        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("NATIONAL_ID_IN_PSEUDONYM");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).doesNotContain(nationalId).contains("*".repeat(18));
        for (var header : dead.headers()) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key()).doesNotContain(nationalId);
        }
    }

    /**
     * Operations read the drain on /q/metrics: two discharges settled by DRG and one refused by the contract move the
     * service's counters, and the outbox relay that published their CaseSettled reports itself running.
     */
    @Test
    void operations_see_cases_settled_rejections_and_the_outbox_relay_on_the_metrics_endpoint() throws Exception {
        awaitInstitutionKnown();
        double settledBefore = metric("mma_settlement_cases_settled_total{method=\"DRG\"}");
        String rejectedOnInpatient = "mma_contract_rejections_total{reason=\"INVALID_VALUE\",topic=\"" + Topics.INPATIENT.name() + "\"}";
        double rejectedBefore = metric(rejectedOnInpatient);
        InpatientDischarged first = discharge(EventId.random(), null);
        InpatientDischarged second = discharge(EventId.random(), null);
        String malformed = new String(ContractCodec.standard().encode(discharge(EventId.random(), null)), StandardCharsets.UTF_8)
                .replace("\"dischargeMode\":\"3\"", "\"dischargeMode\":\"7\"");
        try (var producer = producer()) {
            send(producer, Topics.INPATIENT, first);
            send(producer, Topics.INPATIENT, second);
            producer.send(new ProducerRecord<>(Topics.INPATIENT.name(), GOLDEN.institutionId().value(),
                    malformed.getBytes(StandardCharsets.UTF_8))).get();
        }
        awaitSettlements(List.of(first.eventId(), second.eventId()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(metric("mma_settlement_cases_settled_total{method=\"DRG\"}")).isGreaterThanOrEqualTo(settledBefore + 2);
            assertThat(metric(rejectedOnInpatient)).isGreaterThanOrEqualTo(rejectedBefore + 1);
        });
        assertThat(sample("mma_outbox_relay_running")).hasValue(1.0);
        assertThat(sample("mma_outbox_events_relayed_total")).hasValueSatisfying(relayed -> assertThat(relayed).isGreaterThanOrEqualTo(2.0));
        assertThat(sample("mma_outbox_commit_to_send_lag_seconds"))
                .hasValueSatisfying(lag -> assertThat(lag).isNotNaN().isGreaterThanOrEqualTo(0.0));
    }

    /** A counter's value on /q/metrics, 0 before its first increment (the series appears with it). */
    private static double metric(String series) {
        return sample(series).orElse(0.0);
    }

    /** A sample's value on /q/metrics (Prometheus text), empty when the series is not there. */
    private static Optional<Double> sample(String series) {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()));
    }

    private static InpatientDischarged discharge(EventId id, EpisodeId episode) {
        return new InpatientDischarged(id, GOLDEN.occurredAt(), GOLDEN.institutionId(), GOLDEN.departmentId(), GOLDEN.patient(),
                GOLDEN.residenceDivision(), GOLDEN.insuredAreaDivision(), GOLDEN.principalDiagnosis(), GOLDEN.procedures(),
                GOLDEN.drgGroup(), GOLDEN.charges(), GOLDEN.dischargeMode(), GOLDEN.admissionDate(), GOLDEN.dischargeDate(),
                GOLDEN.lengthOfStayDays(), episode, null);
    }

    /**
     * The matrix and the discharges arrive on different topics, so the test publishes the
     * institution and sends probe discharges until one is settled: from then on its level is known.
     */
    private static void awaitInstitutionKnown() throws Exception {
        List<EventId> probes = new ArrayList<>();
        try (var producer = producer(); var consumer = consumer()) {
            send(producer, Topics.INSTITUTIONS, GoldenFixtures.record(InstitutionSnapshot.class));
            consumer.subscribe(List.of(Topics.CASE_SETTLEMENTS.name()));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                InpatientDischarged probe = discharge(EventId.random(), null);
                probes.add(probe.eventId());
                send(producer, Topics.INPATIENT, probe);
                for (int i = 0; i < 15; i++) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (probes.contains(ContractCodec.standard().decode(record.value(), CaseSettled.class)
                                .orElseThrow().dischargeEventId())) {
                            return true;
                        }
                    }
                }
                return false;
            });
        }
    }

    private static List<CaseSettled> awaitSettlements(List<EventId> discharges) {
        List<CaseSettled> found = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CASE_SETTLEMENTS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CaseSettled settled = ContractCodec.standard().decode(record.value(), CaseSettled.class).orElseThrow();
                    if (discharges.contains(settled.dischargeEventId())) {
                        found.add(settled);
                    }
                }
                return found.stream().anyMatch(s -> s.dischargeEventId().equals(discharges.get(discharges.size() - 1)));
            });
        }
        return found;
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = consumer()) {
            fromTheBeginning(consumer, topic);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static GuidanceCatalogueEntry catalogueEntry(String prefix, boolean primaryLevel) {
        return new GuidanceCatalogueEntry(EventId.random(), Instant.parse("2025-01-02T01:00:00Z"), Icd10Code.of(prefix),
                Level.TOWNSHIP, primaryLevel, "test-" + prefix);
    }

    private static InpatientDischarged insuredIn(String area, InpatientDischarged d) {
        return new InpatientDischarged(d.eventId(), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(), d.residenceDivision(),
                DivisionCode.of(area), d.principalDiagnosis(), d.procedures(), d.drgGroup(), d.charges(), d.dischargeMode(),
                d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }

    private static BigDecimal storedPointValue(EventId discharge) throws Exception {
        try (Connection db = TestDatabase.connect();
             var query = db.prepareStatement("SELECT dip_point_value FROM case_settlement WHERE discharge_event_id = ?")) {
            query.setObject(1, discharge.asUuid());
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBigDecimal(1);
            }
        }
    }

    private static EpisodeId newEpisode() {
        return EpisodeId.of("EP-TEST-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Each report sent once the one before it is settled (its own poll), and the settlement each published. */
    private static List<CaseSettled> settledInTurn(List<InpatientDischarged> reports) throws Exception {
        List<CaseSettled> published = new ArrayList<>();
        for (InpatientDischarged report : reports) {
            try (var producer = producer()) {
                send(producer, Topics.INPATIENT, report);
            }
            published.add(awaitSettlements(List.of(report.eventId())).get(0));   // the relay may send one twice
        }
        return published;
    }

    /**
     * Sends a report that publishes nothing (a late version) and waits until it has been consumed: a discharge sent
     * after it at the same institution — the same partition — is settled only once it has been read.
     */
    private static void consumed(InpatientDischarged report) throws Exception {
        InpatientDischarged later = discharge(EventId.random(), null);
        try (var producer = producer()) {
            send(producer, Topics.INPATIENT, report);
            send(producer, Topics.INPATIENT, later);
        }
        awaitSettlements(List.of(later.eventId()));
    }

    /** Which of the discharges have a standing (not superseded) settlement. */
    private static List<UUID> standing(EventId... discharges) throws Exception {
        try (Connection db = TestDatabase.connect();
             var query = db.prepareStatement("SELECT discharge_event_id FROM case_settlement "
                     + "WHERE discharge_event_id = ANY(?) AND NOT superseded ORDER BY discharge_event_id")) {
            query.setArray(1, db.createArrayOf("uuid", Arrays.stream(discharges).map(EventId::asUuid).toArray()));
            List<UUID> found = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
            return found;
        }
    }

    private static long storedRows(EventId discharge) throws Exception {
        try (Connection db = TestDatabase.connect();
             var query = db.prepareStatement("SELECT count(*) FROM case_settlement WHERE discharge_event_id = ?")) {
            query.setObject(1, discharge.asUuid());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A correction of the discharge, as it was reported: a new event id that names the one it corrects. */
    private static InpatientDischarged correcting(InpatientDischarged d) {
        return new InpatientDischarged(EventId.random(), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(),
                d.residenceDivision(), d.insuredAreaDivision(), d.principalDiagnosis(), d.procedures(), d.drgGroup(), d.charges(),
                d.dischargeMode(), d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.eventId());
    }

    /** A copy under a new event id with other procedures (principal first). */
    private static InpatientDischarged withProcedures(InpatientDischarged d, List<Icd9Cm3Code> procedures) {
        return new InpatientDischarged(EventId.random(), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(),
                d.residenceDivision(), d.insuredAreaDivision(), d.principalDiagnosis(), procedures, d.drgGroup(), d.charges(),
                d.dischargeMode(), d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }

    private static InpatientDischarged withCharges(InpatientDischarged d, String total) {
        return withCharges(d, new Charges(Money.ofYuan(total), d.charges().fundPaid(), d.charges().outOfPocket()));
    }

    private static InpatientDischarged withCharges(InpatientDischarged d, Charges charges) {
        return new InpatientDischarged(d.eventId(), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(),
                d.residenceDivision(), d.insuredAreaDivision(), d.principalDiagnosis(), d.procedures(), d.drgGroup(),
                charges,
                d.dischargeMode(), d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }

    /** A copy under a new event id with another principal diagnosis, at another institution. */
    private static InpatientDischarged withDiagnosis(InpatientDischarged d, String diagnosis, InstitutionId at) {
        return new InpatientDischarged(EventId.random(), d.occurredAt(), at, d.departmentId(), d.patient(), d.residenceDivision(),
                d.insuredAreaDivision(), Icd10Code.of(diagnosis), d.procedures(), d.drgGroup(), d.charges(), d.dischargeMode(),
                d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }

    /** Reference data arrives on its own topics: wait until the service has stored it before sending what depends on it. */
    private static void awaitStored(String countQuery, long expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = TestDatabase.connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery(countQuery)) {
                rows.next();
                return rows.getLong(1) == expected;
            }
        });
    }

    private static Map<EventId, CaseSettled> awaitAllSettled(List<EventId> discharges) {
        Map<EventId, CaseSettled> found = new HashMap<>();
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CASE_SETTLEMENTS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CaseSettled settled = ContractCodec.standard().decode(record.value(), CaseSettled.class).orElseThrow();
                    if (discharges.contains(settled.dischargeEventId())) {
                        found.put(settled.dischargeEventId(), settled);
                    }
                }
                return found.keySet().containsAll(discharges);
            });
        }
        return found;
    }

    /** Assigns every partition of the topic to the consumer, read from the beginning; returns them. */
    private static List<TopicPartition> fromTheBeginning(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "case-settlement-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
