package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.service.OutpatientSpend;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_OFFICER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outpatient visits through Kafka count towards the covered population's spend: the budget's base and a close's
 * actual spend. 2019 (no other test spends there). Covered: 湘潭县 (430321) and 湘乡市 (430381).
 * Visits: ¥120.50 (a 湘潭县 township resident, March), ¥79.50 (湘乡, May), its duplicate, ¥1,000.00 of a 雨湖区
 * resident (not covered), a correction to ¥250.00 (June) sent before the ¥300.00 visit it corrects, and ¥60.00
 * on 2 January 2020 (the next year). Counted: 120.50 + 79.50 + 250.00 = ¥450.00 over 3 visits.
 * With one settled case of ¥200,000.00 (March 2019): base ¥200,450.00 → × 1.05 = ¥210,472.50; reserve 5 %
 * ¥10,523.625 → ¥10,523.63; P = ¥199,948.87. The 2019-H1 close's actual spend is ¥200,450.00 as well.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class OutpatientSpendApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InstitutionId CLINIC = InstitutionId.of("430321T0102");

    @Inject
    OutpatientSpend outpatientSpend;

    @Test
    void the_budget_base_and_the_close_spend_count_the_covered_residents_outpatient_visits_once_and_corrected() throws Exception {
        String alliance = "XTX-OPD-" + UUID.randomUUID().toString().substring(0, 8);
        BudgetApiTest.storeCase("430321104", "2019-03-01", "200000.00", false);
        BudgetApiTest.publishAlliance(new AllianceSnapshot(EventId.random(), Instant.now(), AllianceId.of(alliance),
                "湘潭县医共体(门诊测试)", AllianceKind.COUNTY_COMMUNITY, CLINIC, XiangtanRequest.members(CLINIC),
                List.of(DivisionCode.of("430321"), DivisionCode.of("430381")), XiangtanRequest.PARTNERS));
        OutpatientVisitRecorded township = visit("430321100001", "2019-03-01T02:00:00Z", "120.50", null);
        OutpatientVisitRecorded xiangxiang = visit("430381", "2019-05-01T02:00:00Z", "79.50", null);
        OutpatientVisitRecorded uncovered = visit("430302", "2019-05-01T02:00:00Z", "1000.00", null);
        OutpatientVisitRecorded original = visit("430321100001", "2019-06-30T02:00:00Z", "300.00", null);
        OutpatientVisitRecorded correction = visit("430321100001", "2019-06-30T02:00:00Z", "250.00", original.eventId());
        OutpatientVisitRecorded nextYear = visit("430321", "2020-01-02T02:00:00Z", "60.00", null);
        List<OutpatientVisitRecorded> sent = List.of(township, xiangxiang, xiangxiang, uncovered, correction, original, nextYear);
        TestTopics.publish(Topics.OUTPATIENT_VISITS, sent);   // one clinic, one key, one partition: the correction is consumed before the visit it corrects
        awaitVisitsStored(sent.stream().map(visit -> visit.eventId().value()).distinct().toList());

        AtomicReference<JsonPath> drafted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json")
                    .body("{\"carveOuts\":\"0.00\",\"factorAdjustment\":\"0.00\"}")
                    .when().post("/api/v1/budgets/" + alliance + "/2020/draft");
            drafted.set(response.jsonPath());
            return response.statusCode() == 200;
        });
        assertThat(drafted.get().getString("baseOutpatientSpend")).isEqualTo("450.00");
        assertThat(drafted.get().getLong("baseVisits")).isEqualTo(3L);
        assertThat(drafted.get().getLong("settledCases")).isEqualTo(1L);
        assertThat(drafted.get().getString("baseSpend")).isEqualTo("200450.00");
        assertThat(drafted.get().getString("packageTotal")).isEqualTo("199948.87");

        ObjectNode close = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody("1.00"));
        close.remove("actualSpend");
        String closed = given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body(close.toString())
                .when().post("/api/v1/settlements/" + alliance + "/2019-H1/close").then().statusCode(200)
                .extract().jsonPath().getString("result.snapshot.actualSpend");
        assertThat(closed).isEqualTo("200450.00");
    }

    /**
     * A visit corrected again and again: C1 and C2 both name the visit V; C4 names C3, which arrives after it and names
     * C1. Each correction replaces the visit's standing version, whichever version it names, and a correction arriving
     * after the one that replaced it does not stand: only C4 is left, whatever the batches. A repeat of C2 changes
     * nothing. Before 2026-11-25, C2 and C4 both stood, beside each other. (2009, a 雨湖区 resident: no other test
     * spends there.)
     */
    @Test
    void a_visit_corrected_again_has_one_standing_version_whichever_version_a_correction_names() throws Exception {
        OutpatientVisitRecorded visit = visit("430302", "2009-08-01T02:00:00Z", "300.00", null);
        OutpatientVisitRecorded first = visit("430302", "2009-08-01T02:00:00Z", "250.00", visit.eventId());
        OutpatientVisitRecorded second = visit("430302", "2009-08-01T02:00:00Z", "240.00", visit.eventId());
        OutpatientVisitRecorded third = visit("430302", "2009-08-01T02:00:00Z", "230.00", first.eventId());
        OutpatientVisitRecorded fourth = visit("430302", "2009-08-01T02:00:00Z", "220.00", third.eventId());
        TestTopics.publish(Topics.OUTPATIENT_VISITS, List.of(visit, first, second));
        awaitVisitsStored(List.of(visit.eventId().value(), first.eventId().value(), second.eventId().value()));
        TestTopics.publish(Topics.OUTPATIENT_VISITS, List.of(fourth, third, second));
        awaitVisitsStored(List.of(fourth.eventId().value(), third.eventId().value()));
        OutpatientVisitRecorded marker = visit("430302", "2009-08-02T02:00:00Z", "1.00", null);
        TestTopics.publish(Topics.OUTPATIENT_VISITS, List.of(marker));   // one partition: once it is stored, the repeat before it has been consumed
        awaitVisitsStored(List.of(marker.eventId().value()));

        assertThat(standing(List.of(visit, first, second, third, fourth))).containsExactly(fourth.eventId().asUuid());
    }

    /**
     * A hospital re-sends a month of corrected bills: 5,000 corrections in one call, each replacing its visit. All are
     * applied, one after another, in one transaction. (2008, a 雨湖区 resident: no other test spends there.)
     */
    @Test
    void a_batch_of_thousands_of_corrections_replaces_every_visit_it_names() throws Exception {
        List<OutpatientVisitRecorded> visits = new ArrayList<>();
        List<OutpatientVisitRecorded> corrections = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            OutpatientVisitRecorded visit = visit("430302", "2008-03-01T02:00:00Z", "100.00", null);
            visits.add(visit);
            corrections.add(visit("430302", "2008-03-01T02:00:00Z", "90.00", visit.eventId()));
        }
        outpatientSpend.record(visits).await().atMost(Duration.ofSeconds(60));

        outpatientSpend.record(corrections).await().atMost(Duration.ofMinutes(3));

        assertThat(standing(visits)).isEmpty();
        assertThat(standing(corrections)).hasSize(5_000);
    }

    private static List<UUID> standing(List<OutpatientVisitRecorded> visits) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT visit_event_id FROM outpatient_spend WHERE visit_event_id = ANY (?::uuid[]) AND NOT superseded")) {
            statement.setArray(1, connection.createArrayOf("text", visits.stream().map(visit -> visit.eventId().value()).toArray()));
            List<UUID> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
            return found;
        }
    }

    private static OutpatientVisitRecorded visit(String residence, String at, String fundPaid, EventId corrects) {
        return new OutpatientVisitRecorded(EventId.random(), Instant.parse(at), CLINIC, DepartmentId.of("general"),
                VisitKind.OUTPATIENT, PatientPseudonym.of("ab".repeat(32)), DivisionCode.of(residence), Icd10Code.of("J06.900"),
                new Charges(Money.ofYuan(fundPaid).plus(Money.ofYuan("10.00")), Money.ofYuan(fundPaid), Money.ofYuan("10.00")),
                false, null, corrects);
    }

    private static void awaitVisitsStored(List<String> ids) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = TestDatabase.connect();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT count(*) FROM outpatient_spend WHERE visit_event_id = ANY (?::uuid[])")) {
                statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) == ids.size();
                }
            }
        });
    }
}
