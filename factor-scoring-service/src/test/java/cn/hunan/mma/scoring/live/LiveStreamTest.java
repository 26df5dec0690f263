package cn.hunan.mma.scoring.live;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/live/stream} against the running application and the real broker: a 湘潭 and a
 * 永州 city operator each see only the score and surplus changes inside their city; no token is 401;
 * an invalid surplus record is skipped and the next one still arrives; idle streams get heartbeats
 * ({@code %test.mma.live.heartbeat=PT2S}).
 */
@Tag("own-broker")
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(RealJwtTestResource.class)
class LiveStreamTest {

    private static final TokenMinter MINTER = TokenMinter.forTests();
    private static final String XIANGTAN = MINTER.mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
    private static final String YONGZHOU = MINTER.mint(TokenClaims.forSubject("yz-operator", "city-operator").inCity("431100"));
    private static final String PROVINCE_ADMIN = MINTER.mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private static final String SURPLUS_TOPIC = "mma.scoring.surplus-projections";
    /** An alliance of this test only, in 零陵区 (永州). */
    private static final String ALLIANCE = "CC-LIVE-431102";

    @TestHTTPResource("/api/v1/live/stream")
    URL stream;

    /** One open stream, its lines collected as they arrive. */
    record Reader(List<String> lines, Stream<String> body) implements AutoCloseable {
        boolean has(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private Reader open(String token) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reading = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reading.setDaemon(true);
        reading.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: hello") || lines.contains("event:hello"));
        return new Reader(lines, response.body());
    }

    @Test
    void without_a_token_the_stream_is_401() {
        given().accept("text/event-stream").when().get("/api/v1/live/stream").then().statusCode(401);
    }

    @Test
    void each_caller_gets_only_the_changes_in_its_scope() throws Exception {
        publishAlliance();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().auth().oauth2(PROVINCE_ADMIN).get("/api/v1/scores/alliance/" + ALLIANCE + "/2025-03").statusCode() == 200);
        RealKafkaTestResource.createTopics(List.of(new NewTopic(SURPLUS_TOPIC, 3, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));

        try (Reader xiangtan = open(XIANGTAN); Reader yongzhou = open(YONGZHOU);
             KafkaProducer<String, byte[]> producer = producer()) {
            // The live feed checks for new topics every 10 s: wait until it reads the surplus topic too.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                sendScore(producer, "431102", "2025-02", "40.00");
                assertThat(yongzhou.has("\"id\":\"431102\",\"period\":\"2025-02\"")).isTrue();
            });
            sendScore(producer, "430321", "2025-03", "61.25");
            sendScore(producer, "431102", "2025-03", "38.50");
            producer.send(new ProducerRecord<>(SURPLUS_TOPIC, ALLIANCE + "|2025-03", "not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(SURPLUS_TOPIC, ALLIANCE + "|2025-03",
                    "{\"budgetFen\":48875000000,\"spendToDateFen\":12000000000}".getBytes(StandardCharsets.UTF_8)));
            producer.flush();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(xiangtan.has("\"id\":\"430321\",\"period\":\"2025-03\",\"ruleVersion\":\"seed-2025.1\",\"composite\":61.25")).isTrue();
                assertThat(yongzhou.has("\"id\":\"431102\",\"period\":\"2025-03\",\"ruleVersion\":\"seed-2025.1\",\"composite\":38.50")).isTrue();
                assertThat(yongzhou.has("{\"allianceId\":\"" + ALLIANCE + "\",\"period\":\"2025-03\",\"projection\":"
                        + "{\"budgetFen\":48875000000,\"spendToDateFen\":12000000000}}")).isTrue();
            });
            // Fences: each client's events arrive in order, and both 2025-03 scores were offered to every
            // client before these were sent — a wrongly delivered one would be on the wire before its fence.
            sendScore(producer, "430321", "2025-04", "1.00");
            sendScore(producer, "431102", "2025-04", "2.00");
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> xiangtan.has("\"id\":\"430321\",\"period\":\"2025-04\"")
                    && yongzhou.has("\"id\":\"431102\",\"period\":\"2025-04\""));
            assertThat(xiangtan.lines()).noneMatch(line -> line.contains("431102") || line.contains(ALLIANCE));
            assertThat(yongzhou.lines()).noneMatch(line -> line.contains("\"430321\""));
            assertThat(yongzhou.lines()).filteredOn(line -> line.startsWith("event:") && line.contains("surplus")).hasSize(1);

            // Heartbeats (every 2 s in tests) keep the idle stream alive.
            int before = (int) xiangtan.lines().stream().filter(line -> line.startsWith(":")).count();
            await().atMost(Duration.ofSeconds(10)).until(() -> xiangtan.lines().stream().filter(line -> line.startsWith(":")).count() > before);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void sendScore(KafkaProducer<String, byte[]> producer, String county, String period, String composite) {
        producer.send(new ProducerRecord<>(Topics.FACTOR_SCORES.name(), "COUNTY:" + county + ":" + period,
                LiveRecordsTest.score(ScoredEntityKind.COUNTY, county, period, composite)));
        producer.flush();
    }

    private static void publishAlliance() {
        InstitutionId lead = InstitutionId.of("431102H0977");
        AllianceSnapshot alliance = new AllianceSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"),
                AllianceId.of(ALLIANCE), "零陵区医共体（推送测试）", AllianceKind.COUNTY_COMMUNITY, lead, List.of(lead),
                List.of(DivisionCode.of("431102")), List.of());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ALLIANCES.name(), ALLIANCE, ContractCodec.standard().encode(alliance)));
        }
    }
}
