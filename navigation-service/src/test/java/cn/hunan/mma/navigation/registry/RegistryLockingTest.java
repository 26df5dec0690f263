package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.at;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.inAlliances;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.renamed;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.specialty;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.uniqueSuffix;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Operators' alliance edits and the importer writing the same institutions at the same time, against the real
 * application and database: in 湘潭县 a county hospital (lead, id …H1) and two township centres (…T1, …V1 — ids chosen
 * so that the registry's lock order, ascending id, puts the city partner …C1 first and …V1 last).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class RegistryLockingTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ALLIANCES = "/api/v1/registry/alliances";
    private static final String HOLD_ROW = "SELECT id FROM institution WHERE id = $1 FOR UPDATE";
    private static final Duration SQL_DEADLINE = Duration.ofSeconds(30);

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private final String xiangtanOperator = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
    private final String suffix = uniqueSuffix();
    private final String cityPartner = "LK" + suffix + "C1";
    private final String lead = "LK" + suffix + "H1";
    private final String township = "LK" + suffix + "T1";
    private final String last = "LK" + suffix + "V1";
    private final String allianceId = "CC-LK" + suffix;

    @TempDir
    Path temp;

    @Inject
    Pool pool;

    @BeforeEach
    void register_the_institutions() {
        importing(new MatrixFixtures.Directory(temp.resolve("registered")).institutions(at(cityPartner, Level.CITY, "430302"),
                institution(lead, "430321"), at(township, Level.TOWNSHIP, "430321100"),
                at(last, Level.TOWNSHIP, "430321102")).write()).statusCode(200).body("inserted", equalTo(4));
    }

    /**
     * A 湘潭 operator adds the township centre to the alliance; while the revision holds the centre's row (it locks
     * …C1, …H1, …T1, then waits for …V1, which the test holds), an import moves the centre to 张家界. The import waits
     * for the revision, then finds the centre a member of a close-knit 湘潭 alliance: its line is refused with the rule
     * the move would break, as the operator API's move is (409). Before 2026-11-25 (7) the import read the row without a
     * lock, waited only to write it, and moved the member the revision had just checked out of the alliance's city.
     */
    @Test
    void an_import_moving_a_member_away_while_an_operator_adds_it_to_an_alliance_is_refused_with_the_rule() throws Exception {
        String version = form(List.of(lead, last)).statusCode(201).extract().header("ETag");
        Path moving = new MatrixFixtures.Directory(temp.resolve("moving")).institutions(at(township, Level.TOWNSHIP, "430802100")).write();

        List<Response> answers = HeldRows.whileHeld(pool, HOLD_ROW, Tuple.of(last), List.of(
                () -> revise(xiangtanOperator, version, List.of(lead, township, last), "湘潭县医共体").extract().response(),
                () -> importing(moving).extract().response()));

        answers.get(0).then().statusCode(200).body("memberIds", equalTo(List.of(lead, township, last)));
        answers.get(1).then().statusCode(200).body("updated", equalTo(0)).body("rejected", equalTo(1))
                .body("rejectedRows[0].file", equalTo("institutions.jsonl")).body("rejectedRows[0].line", equalTo(1))
                .body("rejectedRows[0].reason", equalTo("OUTSIDE_ALLIANCE_CITY"))
                .body("rejectedRows[0].detail", containsString("$.divisionCode"))
                .body("rejectedRows[0].detail", containsString(allianceId));
        registered(township).body("divisionCode", equalTo("430321100")).body("allianceIds", hasItem(allianceId));
    }

    /**
     * The other way round: an operator's edit is moving the township centre to 张家界 (the test's transaction holds its
     * row with the move, as the institution edit's {@code SELECT … FOR UPDATE} does) when an import forms a 湘潭 alliance
     * naming it. The import's alliance batch waits for the centre's row and judges the line where the centre ends up:
     * refused, {@code OUTSIDE_ALLIANCE_CITY}. Before 2026-11-25 (7) it read the placements before the batch, without a
     * lock, and formed the alliance with a member outside its lead's city.
     */
    @Test
    void an_alliance_line_imported_while_its_member_is_being_moved_away_is_judged_where_the_member_ends_up() throws Exception {
        Path forming = new MatrixFixtures.Directory(temp.resolve("forming"))
                .alliances(MatrixFixtures.withPartners(MatrixFixtures.alliance(allianceId, lead, township), cityPartner)).write();

        Response answer = HeldRows.whileHeld(pool, "UPDATE institution SET division_code = $1 WHERE id = $2",
                Tuple.of("430802100", township), List.of(() -> importing(forming).extract().response())).get(0);

        answer.then().statusCode(200).body("inserted", equalTo(0)).body("rejected", equalTo(1))
                .body("rejectedRows[0].file", equalTo("alliances.jsonl"))
                .body("rejectedRows[0].reason", equalTo("OUTSIDE_ALLIANCE_CITY"))
                .body("rejectedRows[0].detail", containsString(township));
        given().auth().oauth2(provinceAdmin).when().get(ALLIANCES + "/" + allianceId).then().statusCode(404);
    }

    /**
     * A re-import whose alliance line the registry already holds locks none of the alliance's institutions: here it
     * completes while the test's transaction holds the member's row (as an operator's edit of it would). Before
     * 2026-11-25 (7)'s review fix the alliance batch locked every institution its lines named, changed or not — a
     * province's ~32,000 — and this re-import waited for the test's transaction (the mutation check: timed out).
     */
    @Test
    void re_importing_an_unchanged_alliance_locks_none_of_its_institutions() throws Exception {
        Path forming = new MatrixFixtures.Directory(temp.resolve("forming"))
                .alliances(MatrixFixtures.withPartners(MatrixFixtures.alliance(allianceId, lead, township), cityPartner)).write();
        importing(forming).statusCode(200).body("inserted", equalTo(1)).body("rejected", equalTo(0));

        SqlConnection holder = pool.getConnection().await().atMost(SQL_DEADLINE);
        try {
            Transaction held = holder.begin().await().atMost(SQL_DEADLINE);
            holder.preparedQuery(HOLD_ROW).execute(Tuple.of(township)).await().atMost(SQL_DEADLINE);
            CompletableFuture<Response> reimport = CompletableFuture.supplyAsync(() -> importing(forming).extract().response());
            reimport.get(20, TimeUnit.SECONDS).then().statusCode(200)
                    .body("unchanged", equalTo(1)).body("updated", equalTo(0)).body("rejected", equalTo(0));
            held.commit().await().atMost(SQL_DEADLINE);
        } finally {
            holder.close().await().atMost(SQL_DEADLINE);
        }
    }

    /**
     * Two hundred township centres, registered and then renamed by an import whose file lists them in descending id
     * order, while a 湘潭 operator's revision adds them all to the alliance. The revision locks them in ascending order
     * and waits halfway, at …W100 (held by the test); the import comes next; the test lets go. Both complete: the import
     * locks its rows in the order the revision does, so it holds none of those the revision has still to lock. Locking
     * them in any other order — the mutation check took them in descending order — the import holds the upper half
     * while waiting for the lower, PostgreSQL aborts it with a deadlock (40P01), and it answers 503. (Before
     * 2026-11-25 (7) the import took no lock of its own; its updates, flushed at commit, were sorted by id by Hibernate's
     * {@code hibernate.order_updates}, which Quarkus turns on, and this test passed on that code too.)
     */
    @Test
    void an_import_and_an_alliance_edit_taking_the_same_institutions_in_opposite_orders_both_complete() throws Exception {
        List<String> centres = IntStream.range(0, 200).mapToObj(i -> "LK" + suffix + "W" + String.format("%03d", i)).toList();
        List<String> descending = new ArrayList<>(centres);
        Collections.reverse(descending);
        importing(new MatrixFixtures.Directory(temp.resolve("centres")).institutions(descending.stream()
                .map(id -> at(id, Level.TOWNSHIP, "430321100")).toArray(InstitutionSnapshot[]::new)).write())
                .statusCode(200).body("inserted", equalTo(200));
        String version = form(List.of(lead)).statusCode(201).extract().header("ETag");
        List<String> members = new ArrayList<>(List.of(lead));
        members.addAll(centres);
        Path renaming = new MatrixFixtures.Directory(temp.resolve("renaming")).institutions(descending.stream()
                .map(id -> inAlliances(renamed(at(id, Level.TOWNSHIP, "430321100"), "卫生院 " + id), allianceId))
                .toArray(InstitutionSnapshot[]::new)).write();

        List<Response> answers = HeldRows.whileHeld(pool, HOLD_ROW, Tuple.of(centres.get(100)), List.of(
                () -> revise(xiangtanOperator, version, members, "湘潭县医共体").extract().response(),
                () -> importing(renaming).extract().response()));

        answers.get(0).then().statusCode(200).body("memberIds", equalTo(members));
        answers.get(1).then().statusCode(200).body("updated", equalTo(200)).body("rejected", equalTo(0));
        for (String centre : List.of(centres.get(0), centres.get(100), centres.get(199))) {
            registered(centre).body("name", equalTo("卫生院 " + centre)).body("allianceIds", equalTo(List.of(allianceId)));
        }
    }

    /**
     * An operator is retiring the township centre (the test's transaction holds its row with the retirement's update)
     * when an import states a specialty there. The import's specialty batch share-locks the centre, waits for the
     * retirement, and finds it retired: the line is refused {@code INSTITUTION_RETIRED}, as the operator API refuses it,
     * and no specialty is stated at the retired centre. Before 2026-11-25 (8) the import read the centre without a lock
     * before its batches (a foreign-key check's {@code FOR KEY SHARE} lets an update of other columns through): it did not
     * wait, inserted the specialty, and the retirement committed under it.
     */
    @Test
    void a_specialty_imported_while_its_institution_is_being_retired_is_refused_with_the_rule() throws Exception {
        Path stating = new MatrixFixtures.Directory(temp.resolve("stating")).specialties(specialty(township, "CARDIO")).write();

        Response answer = HeldRows.whileHeld(pool, "UPDATE institution SET active = false WHERE id = $1", Tuple.of(township),
                List.of(() -> importing(stating).extract().response())).get(0);

        answer.then().statusCode(200).body("inserted", equalTo(0)).body("rejected", equalTo(1))
                .body("rejectedRows[0].file", equalTo("specialties.jsonl")).body("rejectedRows[0].line", equalTo(1))
                .body("rejectedRows[0].reason", equalTo("INSTITUTION_RETIRED"));
        assertThat(specialtiesAt(township)).as("specialties stated at the retired centre").isZero();
    }

    /**
     * The other order: the import's specialty batch holds the centre first (share-locked; the batch then waits on the
     * specialty's row, which the test holds, to revise it) when an operator retires the centre. The retirement waits for
     * the batch: the specialty is revised while the centre is active, and the retirement is published only after the test
     * lets the batch go — no specialty is stated at a retired institution. Before 2026-11-25 (8) the batch held no lock on
     * the centre: the retirement went through at once (published before the test let go), and the import then revised
     * the specialty of a centre already retired.
     */
    @Test
    void an_operator_retiring_an_institution_while_an_import_states_a_specialty_there_waits_for_the_import() throws Exception {
        importing(new MatrixFixtures.Directory(temp.resolve("stated")).specialties(specialty(township, "CARDIO")).write())
                .statusCode(200).body("inserted", equalTo(1));
        Path revising = new MatrixFixtures.Directory(temp.resolve("revising"))
                .specialties(renamed(specialty(township, "CARDIO"), "心血管内科（胸痛中心）")).write();

        HeldRows.Released released = HeldRows.released(pool,
                "SELECT institution_id FROM specialty WHERE institution_id = $1 AND department_id = $2 FOR UPDATE",
                Tuple.of(township, "CARDIO"), List.of(
                        () -> importing(revising).extract().response(),
                        () -> given().auth().oauth2(provinceAdmin).header("If-Match", "*")
                                .when().delete("/api/v1/registry/institutions/" + township).then().extract().response()));

        released.responses().get(0).then().statusCode(200).body("updated", equalTo(1)).body("rejected", equalTo(0));
        released.responses().get(1).then().statusCode(200).body("active", equalTo(false));
        Instant retiredAt = Instant.parse(registered(township).body("active", equalTo(false)).extract().path("lastEventAt"));
        assertThat(retiredAt).as("the retirement's publication, against the moment the import's batch was let go")
                .isAfter(released.at());
    }

    private long specialtiesAt(String institution) {
        return pool.preparedQuery("SELECT count(*) FROM specialty WHERE institution_id = $1").execute(Tuple.of(institution))
                .await().atMost(SQL_DEADLINE).iterator().next().getLong(0);
    }

    /**
     * A trigger the test adds makes PostgreSQL abort the alliance's update: once with a deadlock (40P01), and the edit,
     * run again, succeeds; then always with a serialization failure (40001), and after three attempts the edit is 503
     * problem+json with Retry-After, nothing written. Before 2026-11-25 (7) either was a 500.
     */
    @Test
    void an_edit_postgresql_aborts_for_another_is_run_again_and_if_it_keeps_failing_is_503() {
        String version = form(List.of(lead, township)).statusCode(201).extract().header("ETag");
        String attempts = "lk_attempts_" + suffix;
        String abort = "lk_abort_" + suffix;
        try {
            sql("CREATE SEQUENCE " + attempts);
            sql(abortingFunction(abort, attempts, 1, "40P01"));
            sql("CREATE TRIGGER " + abort + " BEFORE UPDATE ON alliance FOR EACH ROW WHEN (NEW.id = '" + allianceId
                    + "') EXECUTE FUNCTION " + abort + "()");

            String revised = revise(provinceAdmin, version, List.of(lead, township), "湘潭县医共体（一）").statusCode(200)
                    .body("name", equalTo("湘潭县医共体（一）")).extract().header("ETag");
            assertThat(lastValue(attempts)).as("the aborted attempt and the one that committed").isEqualTo(2);

            sql(abortingFunction(abort, attempts, Integer.MAX_VALUE, "40001"));
            sql("ALTER SEQUENCE " + attempts + " RESTART");
            revise(provinceAdmin, revised, List.of(lead, township), "湘潭县医共体（二）").statusCode(503).contentType(PROBLEM_JSON)
                    .header("Retry-After", equalTo("5")).body("status", equalTo(503));
            assertThat(lastValue(attempts)).as("attempts of the edit before it answered").isEqualTo(3);
            given().auth().oauth2(provinceAdmin).when().get(ALLIANCES + "/" + allianceId).then().statusCode(200)
                    .header("ETag", equalTo(revised)).body("name", equalTo("湘潭县医共体（一）"));
        } finally {
            sql("DROP TRIGGER IF EXISTS " + abort + " ON alliance");
            sql("DROP FUNCTION IF EXISTS " + abort + "()");
            sql("DROP SEQUENCE IF EXISTS " + attempts);
        }
    }

    private static String abortingFunction(String name, String attempts, int abortedAttempts, String sqlState) {
        return "CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF nextval('" + attempts + "') <= " + abortedAttempts + " THEN"
                + " RAISE EXCEPTION 'aborted by the test' USING ERRCODE = '" + sqlState + "'; END IF;"
                + " RETURN NEW; END $$";
    }

    private long lastValue(String sequence) {
        return pool.query("SELECT last_value FROM " + sequence).execute().await().atMost(SQL_DEADLINE)
                .iterator().next().getLong(0);
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(SQL_DEADLINE);
    }

    private ValidatableResponse form(List<String> members) {
        return given().auth().oauth2(provinceAdmin).contentType("application/json").body(alliance(members, "湘潭县医共体"))
                .when().post(ALLIANCES).then();
    }

    private ValidatableResponse revise(String token, String version, List<String> members, String name) {
        return given().auth().oauth2(token).contentType("application/json").header("If-Match", version)
                .body(alliance(members, name)).when().put(ALLIANCES + "/" + allianceId).then();
    }

    private ValidatableResponse importing(Path directory) {
        return given().auth().oauth2(provinceAdmin).contentType("application/json").body(Map.of("directory", directory.toString()))
                .when().post("/api/v1/registry/imports").then();
    }

    private ValidatableResponse registered(String id) {
        return given().auth().oauth2(provinceAdmin).when().get("/api/v1/registry/institutions/" + id).then().statusCode(200);
    }

    private Map<String, Object> alliance(List<String> members, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("allianceId", allianceId);
        body.put("name", name);
        body.put("kind", "COUNTY_COMMUNITY");
        body.put("leadInstitutionId", lead);
        body.put("memberIds", members);
        body.put("coveredDivisions", List.of("430321"));
        body.put("collaboratingTertiaryIds", List.of(cityPartner));
        return body;
    }
}
