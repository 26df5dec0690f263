package cn.hunan.mma.scoring.live;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.topic.BudgetKey;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.scoring.streams.MatrixArrival;
import cn.hunan.mma.simulator.SimulatorCommand;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard end to end: the application (real broker, real scorer) fed by the simulator with
 * one day of 永定区 (张家界, 430802) in March 2025, the page loaded in headless Chromium by a 张家界
 * city operator. The charts must hold what the API says; then the simulator sends a day of April and
 * the page — which only reloads when the live stream tells it to — must show April's composite in the
 * trend. The screenshot is kept as {@code target/dashboard-screenshot.png}.
 *
 * <p>张家界 and not 湘潭: {@code RankingsApiTest} (same application, same broker) ranks 湘潭's entities
 * by hand-worked numbers, and an area's export also holds its neighbours and the province's specialty
 * alliances (which cover every city) — so this workload has no specialty alliances and lies far from 湘潭.
 */
@Tag("own-broker")
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(RealJwtTestResource.class)
class DashboardBrowserTest {

    private static final String AREA = "430802";
    /** The simulator's one city medical group of 永定区 (a district: no county community), the only alliance shown. */
    private static final String CITY_GROUP = "CG-" + AREA + "-1";
    /** Its approved package for 2025: ¥100,000,000.00, far above what two simulated days can spend. */
    private static final long PACKAGE_FEN = 10_000_000_000L;
    private static final String ZHANGJIAJIE_OPERATOR = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("zjj-operator", "city-operator").inCity("430800").validFor(Duration.ofHours(2)));
    private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");

    /** What the page shows, read from the ECharts instances. */
    private static final String CHARTS = """
            (() => {
              const option = (id) => {
                const chart = echarts.getInstanceByDom(document.getElementById(id));
                return (chart && chart.getOption()) || {};   // no option before the first draw
              };
              const ranking = option('ranking'), radar = option('radar'), trend = option('trend'), surplus = option('surplus');
              const first = (o) => (o.series && o.series[0] && o.series[0].data) || [];
              return {
                heading: document.querySelector('h1').textContent,
                alliance: document.getElementById('alliance').value,
                institution: document.getElementById('institution').value,
                rankingValues: first(ranking),
                radarValues: (first(radar)[0] || {}).value || [],
                radarAxes: ((radar.radar && radar.radar[0] && radar.radar[0].indicator) || []).map(i => i.name),
                trend: first(trend),
                surplusTitle: (surplus.title && surplus.title[0] && surplus.title[0].text) || '',
                surplusSeries: (surplus.series || []).length,
                burnDown: ((surplus.series || [])[0] || {}).data || [],
                surplus: window.dashboard.surplus,
                language: navigator.language,
                live: window.dashboard.liveEvents,
                status: document.getElementById('status').textContent
              };
            })()""";

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private static boolean marchSimulated;

    @Inject
    KafkaStreams streams;

    @BeforeAll
    static void simulate_the_matrix() {
        simulate("matrix", "--area", AREA, "--specialty-alliances", "0", "--bootstrap-servers", RealKafkaTestResource.bootstrapServers());
        approve_the_city_groups_budget();
    }

    /**
     * March's events go out once the scorer holds the whole matrix ({@link MatrixArrival}): the application is
     * already running, and an event counted before its institution and alliance reached the stores would count
     * for no alliance, for good — the charts would still agree with the API, on smaller numbers.
     */
    @BeforeEach
    void simulate_march_once_the_matrix_is_in() {
        if (marchSimulated) {
            return;
        }
        MatrixArrival.waitForTheTopics(streams, RealKafkaTestResource.bootstrapServers());
        simulate("events", "--area", AREA, "--specialty-alliances", "0", "--from", "2025-03-10", "--days", "1", "--no-progress",
                "--bootstrap-servers", RealKafkaTestResource.bootstrapServers());
        marchSimulated = true;
    }

    @Test
    void the_charts_hold_the_apis_data_and_follow_the_live_stream() throws Exception {
        // Wait until the scorer has counted something for 张家界; it goes on counting the day for a while.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> ranking().getInt("total") > 0);

        try (HeadlessChromium browser = HeadlessChromium.start(Path.of("target", "chromium.log"))) {
            browser.navigate(dashboard + "?period=2025-03");
            browser.evaluate("sessionStorage.setItem('mma.dashboard.token', '" + ZHANGJIAJIE_OPERATOR + "')");
            browser.navigate(dashboard + "?period=2025-03");

            // The page reloads only when the stream brings a score; the API reads the stores directly.
            // Once the day is counted and its scores published, both must say the same.
            JsonNode[] last = new JsonNode[1];
            String[] top = new String[1];
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode shown = browser.evaluate(CHARTS);
                JsonPath ranking = ranking();
                List<Float> bestLast = new java.util.ArrayList<>(ranking.getList("entries.value", Float.class));
                java.util.Collections.reverse(bestLast);   // ECharts draws the category axis bottom-up
                List<Float> bars = new java.util.ArrayList<>();
                shown.path("rankingValues").forEach(value -> bars.add(value.floatValue()));
                assertThat(bars).isNotEmpty().containsExactlyElementsOf(bestLast);
                String topAlliance = ranking.getString("entries[0].id");
                assertThat(shown.path("alliance").asText()).isEqualTo(topAlliance);
                assertThat(shown.path("status").asText()).startsWith("实时推送已连接");

                // The radar is the selected member's March factors, the trend the alliance's months.
                String institution = shown.path("institution").asText();
                JsonPath factors = given().auth().oauth2(ZHANGJIAJIE_OPERATOR).get("/api/v1/scores/institution/" + institution + "/2025-03").jsonPath();
                assertRadarShows(shown, factors);
                assertThat(shown.path("trend").size()).isEqualTo(12);
                JsonPath history = given().auth().oauth2(ZHANGJIAJIE_OPERATOR).queryParam("year", 2025)
                        .get("/api/v1/scores/alliance/" + topAlliance + "/history").jsonPath();
                assertThat(shown.path("trend").get(2).decimalValue()).isEqualByComparingTo(history.getString("composite[2]"));
                last[0] = shown;
                top[0] = topAlliance;
            });
            JsonNode shown = last[0];
            String topAlliance = top[0];
            assertThat(shown.path("heading").asText()).contains("因素法考核运营看板");
            // One March day holds no support report (they come at a month's end): the member's 能力 and 保障 have no data.
            assertThat(shown.path("radarAxes").toString()).as("an axis without data").contains(" 无数据");
            assertThat(shown.path("trend").get(2).doubleValue()).isGreaterThan(0);
            assertThat(topAlliance).isEqualTo(CITY_GROUP);
            assertThat(shown.path("language").asText()).isEqualTo("zh-CN");
            // No April events yet. The API still answers the empty month, with every indicator's numerator 0, no factor
            // scored and a composite of 0.00 (before 2026-11-25 (9) the violations nobody reported scored 100, so the
            // empty month was positive): the page draws no point for it (null), and none for January either.
            JsonPath emptyApril = given().auth().oauth2(ZHANGJIAJIE_OPERATOR).queryParam("year", 2025)
                    .get("/api/v1/scores/alliance/" + topAlliance + "/history").jsonPath();
            assertThat(emptyApril.getList("[3].indicators.numerator", Long.class)).isNotEmpty().containsOnly(0L);
            assertThat(emptyApril.getMap("[3].factors").values()).containsOnlyNulls();
            assertThat(emptyApril.getDouble("composite[3]")).isZero();
            assertThat(shown.path("trend").get(3).isNull()).as("April before its events: " + shown.path("trend")).isTrue();
            assertThat(shown.path("trend").get(0).isNull()).as("January: " + shown.path("trend")).isTrue();

            // The budget panel: the projection of CG-430802-1's 2025 (recomputed every mma.surplus.interval).
            JsonNode[] march = new JsonNode[1];
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode panel = browser.evaluate(CHARTS);
                JsonPath projection = surplus();
                assertThat(projection.getLong("budgetFen")).isEqualTo(PACKAGE_FEN);
                long spend = projection.getLong("spendToDateFen");
                assertThat(spend).isPositive().isLessThan(PACKAGE_FEN);
                // Far below the package: a surplus of P − A, no overspend.
                assertThat(projection.getString("outcome")).isEqualTo("SURPLUS");
                assertThat(projection.getLong("surplusFen")).isEqualTo(PACKAGE_FEN - spend);
                assertShows(panel, projection);
                march[0] = panel;
            });
            long marchSpend = march[0].path("surplus").path("spendToDateFen").asLong();
            assertThat(march[0].path("surplusSeries").asInt()).isEqualTo(3);
            assertThat(march[0].path("burnDown").size()).isPositive();
            // A day of April arrives; the scorer publishes April's scores, the stream carries them, the page reloads.
            simulate("events", "--area", AREA, "--specialty-alliances", "0", "--from", "2025-04-02", "--days", "1", "--no-progress",
                    "--bootstrap-servers", RealKafkaTestResource.bootstrapServers());
            int liveBefore = browser.evaluate("window.dashboard.liveEvents").asInt();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode updated = browser.evaluate(CHARTS);
                assertThat(updated.path("trend").get(3).isNumber()).as("April after its day: " + updated.path("trend")).isTrue();
                JsonPath after = given().auth().oauth2(ZHANGJIAJIE_OPERATOR).queryParam("year", 2025)
                        .get("/api/v1/scores/alliance/" + topAlliance + "/history").jsonPath();
                assertThat(updated.path("trend").get(3).doubleValue()).isEqualTo(after.getDouble("composite[3]"));
                assertThat(updated.path("live").asInt()).isGreaterThan(liveBefore);
            });
            // April's spend joins the 2025 budget year: the panel follows (from the live stream or a reload) and
            // still says what the API says.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode panel = browser.evaluate(CHARTS);
                JsonPath projection = surplus();
                assertThat(projection.getLong("spendToDateFen")).isGreaterThan(marchSpend);
                assertThat(projection.getLong("surplusFen")).isEqualTo(PACKAGE_FEN - projection.getLong("spendToDateFen"));
                assertShows(panel, projection);
                // The burn-down now has a later, lower remaining budget than its first point.
                JsonNode points = panel.path("burnDown");
                assertThat(points.get(points.size() - 1).get(1).doubleValue()).isLessThan(points.get(0).get(1).doubleValue());
            });

            browser.screenshot(SCREENSHOT);
        }
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(20_000);
    }

    private static final List<String> FACTORS = List.of("PREVENTION", "OUTPATIENT", "INPATIENT", "REFERRAL",
            "QUALITY_EFFICIENCY", "CAPABILITY", "INSURANCE", "CONDUCT", "SUPPORT");
    private static final List<String> AXES = List.of("预防", "门诊", "住院", "转诊", "质效", "能力", "医保", "行风", "保障");

    /**
     * Each of the nine axes holds the API's factor score; a factor the API has as null (no data) is no point at the
     * centre passing for 0 but a missing value, its axis named "… 无数据".
     */
    private static void assertRadarShows(JsonNode shown, JsonPath score) {
        assertThat(shown.path("radarValues").size()).isEqualTo(9);
        for (int axis = 0; axis < 9; axis++) {
            String factor = score.getString("factors." + FACTORS.get(axis));
            JsonNode value = shown.path("radarValues").get(axis);
            String name = shown.path("radarAxes").get(axis).asText();
            if (factor == null) {
                assertThat(value.isNull()).as(FACTORS.get(axis) + " without data is drawn as " + value).isTrue();
                assertThat(name).isEqualTo(AXES.get(axis) + " 无数据");
            } else {
                assertThat(value.decimalValue()).as(FACTORS.get(axis)).isEqualByComparingTo(factor);
                assertThat(name).isEqualTo(AXES.get(axis));
            }
        }
    }

    /** The panel's figures equal the projection's, in fen, and its heading spells them in yuan. */
    private static void assertShows(JsonNode panel, JsonPath projection) {
        JsonNode shown = panel.path("surplus");
        assertThat(shown.isObject()).as("budget panel has a projection: " + panel.path("surplusTitle")).isTrue();
        assertThat(shown.path("budgetFen").asLong()).isEqualTo(projection.getLong("budgetFen"));
        assertThat(shown.path("spendToDateFen").asLong()).isEqualTo(projection.getLong("spendToDateFen"));
        assertThat(shown.path("surplusFen").asLong()).isEqualTo(projection.getLong("surplusFen"));
        assertThat(panel.path("surplusTitle").asText())
                .startsWith("预算 100,000,000.00 元 · 已支出 " + yuan(projection.getLong("spendToDateFen")) + " 元 · 预计结余 ");
    }

    /** 123456789 fen as "1,234,567.89", the way zh-CN groups digits. */
    private static String yuan(long fen) {
        return String.format(java.util.Locale.ROOT, "%,d.%02d", fen / 100, fen % 100);
    }

    private static JsonPath surplus() {
        var response = given().auth().oauth2(ZHANGJIAJIE_OPERATOR).get("/api/v1/surplus/" + CITY_GROUP + "/2025");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static void approve_the_city_groups_budget() {
        AllianceBudgetApproved budget = new AllianceBudgetApproved(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-05T00:00:00Z"),
                AllianceId.of(CITY_GROUP), 2025, Money.ofYuan("100000000.00"), BigDecimal.ZERO, Money.ZERO, Money.ZERO,
                SignedMoney.ZERO, Money.ofYuan("100000000.00"), "zjj-2025.1", "insurance-bureau");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.BUDGETS.name(), BudgetKey.of(budget).toString().getBytes(StandardCharsets.UTF_8),
                    ContractCodec.standard().encode(budget))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the budget", e);
        }
    }

    private static JsonPath ranking() {
        var response = given().auth().oauth2(ZHANGJIAJIE_OPERATOR).queryParam("by", "composite").queryParam("size", 20)
                .get("/api/v1/rankings/alliance/2025-03");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.jsonPath();
    }

    private static void simulate(String... args) {
        int exit = new CommandLine(new SimulatorCommand()).execute(args);
        assertThat(exit).as("simulate " + String.join(" ", args)).isZero();
    }
}
