package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.streams.ScoringSettings;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out: two scorer instances (two {@link KafkaStreams} with the same application id and
 * different {@code application.server}, each with its own HTTP endpoint answering through
 * {@link ScoreQueries} and {@link InstanceClient}) share the totals partitions. A scope whose
 * partition instance B owns is asked of instance A: A forwards, B answers from its local store,
 * and the answer carries B's count.
 */
@org.junit.jupiter.api.Tag("own-broker")
class RequestRoutingTest {

    /** Eight institutions in 株洲 荷塘区 (430202), each with its own number of visits: eight scopes over six partitions. */
    private static final int INSTITUTIONS = 8;
    private static final String PERIOD = "2025-03";

    @TempDir
    Path state;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_scope_owned_by_the_other_instance_is_answered_through_it() throws Exception {
        String bootstrap = RealKafkaTestResource.bootstrapServers();
        ScoringTopology.ensureOwnTopics(bootstrap);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<InstitutionId> institutions = publish(bootstrap, run);
        String applicationId = "scoring-routing-" + run;
        try (Instance a = new Instance(applicationId, bootstrap, state.resolve("a"));
             Instance b = new Instance(applicationId, bootstrap, state.resolve("b"))) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> a.streams.state() == KafkaStreams.State.RUNNING && b.streams.state() == KafkaStreams.State.RUNNING
                            && ownedBy(a, institutions, b).isPresent());
            InstitutionId remote = ownedBy(a, institutions, b).orElseThrow();
            int expectedVisits = institutions.indexOf(remote) + 1;
            String scope = "INSTITUTION:" + remote.value();
            assertThat(a.queries.lookup(scope)).isInstanceOf(ScoreLookup.OtherInstance.class);

            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> answer = InstanceClient.send(a.hostAndPort, "/scores/" + scope + "/" + PERIOD, null);
                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode body = json.readTree(answer.body());
                assertThat(body.get("answeredBy").asText()).isEqualTo(b.hostAndPort);
                assertThat(visits(body)).isEqualTo(expectedVisits);
            });
        }
    }

    /** The first institution whose totals partition {@code owner} holds, as {@code asked} sees the assignment. */
    private static Optional<InstitutionId> ownedBy(Instance asked, List<InstitutionId> institutions, Instance owner) {
        for (InstitutionId institution : institutions) {
            KeyQueryMetadata metadata = asked.streams.queryMetadataForKey(ScoringTopology.TOTALS_STORE, "INSTITUTION:" + institution.value(),
                    Serdes.String().serializer());
            if (metadata != KeyQueryMetadata.NOT_AVAILABLE
                    && (metadata.activeHost().host() + ":" + metadata.activeHost().port()).equals(owner.hostAndPort)) {
                return Optional.of(institution);
            }
        }
        return Optional.empty();
    }

    private static long visits(JsonNode score) {
        for (JsonNode indicator : score.get("score").get("indicators")) {
            if (indicator.get("indicatorId").asText().equals("outpatient.primary-level-share")) {
                return indicator.get("denominator").asLong();
            }
        }
        throw new AssertionError("no primary-level share in " + score);
    }

    /** Institution i (1…8) gets i visits in March 2025; institution ids are new for each run. */
    private static List<InstitutionId> publish(String bootstrap, String run) {
        ContractCodec codec = ContractCodec.standard();
        List<InstitutionId> institutions = new ArrayList<>();
        int serial = Math.abs(run.hashCode() % 9000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= INSTITUTIONS; i++) {
                InstitutionId id = InstitutionId.of(String.format("430202H%04d", (serial + i) % 10000));
                institutions.add(id);
                InstitutionSnapshot institution = new InstitutionSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"),
                        id, "荷塘区医院 " + i, Level.COUNTY, InstitutionKind.GENERAL, DivisionCode.of("430202"), null, null, List.of(), true);
                producer.send(new ProducerRecord<>(Topics.INSTITUTIONS.name(), key(id.value()), codec.encode(institution)));
            }
            producer.flush();
            for (int i = 1; i <= INSTITUTIONS; i++) {
                for (int visit = 0; visit < i; visit++) {
                    InstitutionId at = institutions.get(i - 1);
                    OutpatientVisitRecorded recorded = new OutpatientVisitRecorded(EventId.of(UUID.randomUUID()),
                            Instant.parse("2025-03-05T03:00:00Z"), at, DepartmentId.of("internal"), VisitKind.OUTPATIENT,
                            PatientPseudonym.of("ef".repeat(32)), DivisionCode.of("430202"), Icd10Code.of("I10"),
                            new Charges(Money.ofYuan("30.00"), Money.ofYuan("0.00"), Money.ofYuan("0.00")), false, null, null);
                    producer.send(new ProducerRecord<>(Topics.OUTPATIENT_VISITS.name(), key(at.value()), codec.encode(recorded)));
                }
            }
        }
        return institutions;
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One scorer instance: the real topology, and an HTTP endpoint {@code /scores/SCOPE/PERIOD} that answers
     * as {@code ScoresResource} does — from the local store, or by forwarding to the owning instance.
     */
    private final class Instance implements AutoCloseable {
        final HttpServer http;
        final String hostAndPort;
        final KafkaStreams streams;
        final ScoreQueries queries;

        Instance(String applicationId, String bootstrap, Path stateDir) throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            hostAndPort = "127.0.0.1:" + http.getAddress().getPort();
            RuleSet seed = RuleSetJson.seed();
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, hostAndPort);
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
            config.put("consumer.session.timeout.ms", "10000");
            config.put("consumer.auto.offset.reset", "earliest");
            streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(), Duration.ofDays(15),
                    Duration.ofSeconds(30), seed, Clock.systemUTC())).build(), config);
            queries = new ScoreQueries(streams, seed, Optional.of(hostAndPort));
            http.createContext("/scores/", this::answer);
            http.start();
            streams.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String scope = parts[2];
            Period period = Period.parse(parts[3]);
            int status;
            byte[] body;
            ScoreLookup lookup = queries.lookup(scope);
            if (lookup instanceof ScoreLookup.Local local) {
                status = 200;
                body = json.writeValueAsBytes(Map.of("answeredBy", hostAndPort,
                        "score", ScoreView.of(scope, period.toString(), local.reading().score(scope, period), List.of())));
            } else if (lookup instanceof ScoreLookup.OtherInstance other) {
                HttpResponse<String> forwarded = InstanceClient.send(other.hostAndPort(), exchange.getRequestURI().getPath(), null);
                status = forwarded.statusCode();
                body = forwarded.body().getBytes(StandardCharsets.UTF_8);
            } else {
                status = 503;
                body = new byte[0];
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(10));
            http.stop(0);
        }
    }
}
