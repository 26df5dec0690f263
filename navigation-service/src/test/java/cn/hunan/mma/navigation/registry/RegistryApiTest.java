package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.ResponseSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.alliance;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.at;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.covering;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.ofKind;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.retired;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.withPartners;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.guidanceEntry;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.specialty;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.renamed;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.uniqueSuffix;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** The registry against the real application, PostgreSQL and Kafka: import, publication, read API and scope. */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class RegistryApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final java.time.Duration SQL_DEADLINE = java.time.Duration.ofSeconds(30);
    private static final TokenClaims PROVINCE_ADMIN_CLAIMS =
            TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000");
    private static final TokenClaims XIANGTAN_OPERATOR_CLAIMS =
            TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300");

    // Minted per test: the signing key belongs to the test resource, which starts with the application.
    private final String provinceAdmin = TokenMinter.forTests().mint(PROVINCE_ADMIN_CLAIMS);
    private final String xiangtanOperator = TokenMinter.forTests().mint(XIANGTAN_OPERATOR_CLAIMS);

    private final String suffix = uniqueSuffix();

    @TempDir
    Path temp;

    @Inject
    Pool pool;

    @Test
    void bad_rows_are_reported_with_their_reason_while_the_good_rows_load() {
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot township = institution("XT" + suffix + "T1", "430321100");
        String malformedDivision = json(institution("XT" + suffix + "BAD", "430321")).replace("\"430321\"", "\"4303\"");
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix"))
                .institutions(lead)
                .institutionLine(malformedDivision)
                .institutions(institution("XT" + suffix + "CITY", "430300"), township,
                        institution("XT" + suffix + "H1", "430302"))
                .alliances(alliance("CC-" + suffix, lead.institutionId().value(), township.institutionId().value()),
                        alliance("CC-" + suffix + "-GHOST", lead.institutionId().value(), "XT" + suffix + "NOBODY"))
                .write();

        ValidatableResponse report = importAsAdmin(directory);

        report.body("inserted", equalTo(3)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("rejected", equalTo(4))
                .body("rejectedRows.find { it.file == 'institutions.jsonl' && it.line == 2 }.reason",
                        equalTo("MALFORMED_DIVISION_CODE"))
                .body("rejectedRows.find { it.line == 3 }.reason", equalTo("DIVISION_TOO_COARSE"))
                .body("rejectedRows.find { it.line == 5 }.reason", equalTo("DUPLICATE_ID"))
                .body("rejectedRows.find { it.file == 'alliances.jsonl' }.line", equalTo(2))
                .body("rejectedRows.find { it.file == 'alliances.jsonl' }.reason", equalTo("UNKNOWN_INSTITUTION"))
                .body("rejectedRows.find { it.file == 'alliances.jsonl' }.detail", containsString("XT" + suffix + "NOBODY"));
        getAsAdmin("/api/v1/registry/institutions/" + township.institutionId().value())
                .statusCode(200).body("divisionCode", equalTo("430321100"));
        getAsAdmin("/api/v1/registry/alliances/CC-" + suffix)
                .statusCode(200).body("memberIds", hasItems(lead.institutionId().value(), township.institutionId().value()));
        getAsAdmin("/api/v1/registry/alliances/CC-" + suffix + "-GHOST").statusCode(404).contentType(PROBLEM_JSON);
        // The first of the duplicated lines won.
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H1").statusCode(200).body("divisionCode", equalTo("430321"));
    }

    /** Consumers read an alliance of its lead alone, covering nothing, as dissolved: a file may not state one. */
    @Test
    void an_alliance_row_in_the_shape_that_publishes_a_dissolution_is_rejected() {
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        AllianceSnapshot leadAlone = AllianceDissolution.of(
                alliance("CC-" + suffix + "-ALONE", lead.institutionId().value()), EventId.random(), Instant.parse("2025-01-01T00:00:00Z"));
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix"))
                .institutions(lead)
                .alliances(leadAlone, alliance("CC-" + suffix, lead.institutionId().value()))
                .write();

        importAsAdmin(directory)
                .body("inserted", equalTo(2)).spec(onlyRejected("alliances.jsonl", 1, "RESERVED_FOR_DISSOLUTION"))
                .body("rejectedRows[0].detail", containsString("coveredDivisions"));
        getAsAdmin("/api/v1/registry/alliances/CC-" + suffix + "-ALONE").statusCode(404).contentType(PROBLEM_JSON);
        getAsAdmin("/api/v1/registry/alliances/CC-" + suffix).statusCode(200);
    }

    /**
     * The importer applies the operator API's alliance rules, with the institutions where the registry holds them after
     * this import's institutions: registered before (the 湘潭 city partner, the 张家界 hospital) or in this import (the
     * provincial partner, the retired clinic). Before 2026-11-25 (5) it checked only that lead and members were
     * registered, so all five lines loaded.
     */
    @Test
    void alliance_lines_breaking_the_alliance_rules_are_rejected_with_the_rule_while_the_other_lines_load() {
        InstitutionSnapshot cityPartner = at("XT" + suffix + "C1", Level.CITY, "430302");
        InstitutionSnapshot zhangjiajie = institution("ZJ" + suffix + "H1", "430802");
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("earlier")).institutions(cityPartner, zhangjiajie).write())
                .body("inserted", equalTo(2));
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot township = at("XT" + suffix + "T1", Level.TOWNSHIP, "430321100");
        InstitutionSnapshot retiredClinic = retired(at("XT" + suffix + "T2", Level.TOWNSHIP, "430321101"));
        InstitutionSnapshot provincialPartner = at("CS" + suffix + "P1", Level.PROVINCE, "430102");
        String leadId = lead.institutionId().value();
        String townshipId = township.institutionId().value();
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix"))
                .institutions(lead, township, retiredClinic, provincialPartner)
                .alliances(
                        withPartners(alliance("CC-" + suffix, leadId, townshipId),
                                cityPartner.institutionId().value(), provincialPartner.institutionId().value()),
                        alliance("CC-" + suffix + "-FAR", leadId, zhangjiajie.institutionId().value()),
                        withPartners(alliance("CC-" + suffix + "-WEAK", leadId, townshipId), townshipId),
                        alliance("CC-" + suffix + "-RETIRED", leadId, retiredClinic.institutionId().value()),
                        ofKind(alliance("SA-" + suffix, leadId, zhangjiajie.institutionId().value()), AllianceKind.SPECIALTY_ALLIANCE))
                .write();

        importAsAdmin(directory)
                .body("inserted", equalTo(6)).body("rejected", equalTo(3))
                .body("rejectedRows.findAll { it.file == 'alliances.jsonl' }.line", equalTo(List.of(2, 3, 4)))
                .body("rejectedRows.find { it.line == 2 }.reason", equalTo("OUTSIDE_ALLIANCE_CITY"))
                .body("rejectedRows.find { it.line == 2 }.detail", containsString("ZJ" + suffix + "H1"))
                .body("rejectedRows.find { it.line == 3 }.reason", equalTo("PARTNER_NOT_TERTIARY"))
                .body("rejectedRows.find { it.line == 3 }.detail", containsString("$.collaboratingTertiaryIds"))
                .body("rejectedRows.find { it.line == 4 }.reason", equalTo("INSTITUTION_RETIRED"))
                .body("rejectedRows.find { it.line == 4 }.detail", containsString("XT" + suffix + "T2"));
        getAsAdmin("/api/v1/registry/alliances/CC-" + suffix).statusCode(200)
                .body("collaboratingTertiaryIds", equalTo(List.of(cityPartner.institutionId().value(),
                        provincialPartner.institutionId().value())));
        // Specialty alliances span regions: the 张家界 member is no breach there.
        getAsAdmin("/api/v1/registry/alliances/SA-" + suffix).statusCode(200);
        for (String refused : List.of("-FAR", "-WEAK", "-RETIRED")) {
            getAsAdmin("/api/v1/registry/alliances/CC-" + suffix + refused).statusCode(404).contentType(PROBLEM_JSON);
        }
    }

    /**
     * Scenario A of the 2026-11-25 (7) review: a directory moves a clinic of 湘潭县 to 张家界 and, in its alliances file,
     * drops it from the county community. One import takes both: the clinic's line is judged against the alliances the
     * import does not restate (none here), the alliance line by its own rules once the clinic has moved. Judged against
     * the alliance as stored (the guard before this fix), the clinic's line was refused OUTSIDE_ALLIANCE_CITY.
     */
    @Test
    void a_directory_moving_a_clinic_away_and_dropping_it_from_its_alliance_loads_in_one_import() {
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot staying = at("XT" + suffix + "T1", Level.TOWNSHIP, "430321101");
        InstitutionSnapshot clinic = at("XT" + suffix + "T2", Level.TOWNSHIP, "430321100");
        String allianceId = "CC-" + suffix;
        String leadId = lead.institutionId().value();
        String stayingId = staying.institutionId().value();
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("before")).institutions(lead, staying, clinic)
                .alliances(alliance(allianceId, leadId, stayingId, clinic.institutionId().value())).write())
                .body("inserted", equalTo(4)).body("rejected", equalTo(0));

        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("after"))
                .institutions(lead, staying, at(clinic.institutionId().value(), Level.TOWNSHIP, "430802100"))
                .alliances(alliance(allianceId, leadId, stayingId)).write())
                .body("updated", equalTo(2)).body("unchanged", equalTo(2)).body("inserted", equalTo(0))
                .body("rejected", equalTo(0));

        getAsAdmin("/api/v1/registry/institutions/" + clinic.institutionId().value()).statusCode(200)
                .body("divisionCode", equalTo("430802100"));
        getAsAdmin("/api/v1/registry/alliances/" + allianceId).statusCode(200).body("memberIds", equalTo(List.of(leadId, stayingId)));
    }

    /**
     * Scenario B of the review: a county community re-coded into another city — lead, members and the alliance's covered
     * division all in 张家界 永定区. One import loads every line, and importing the same directory again finds all four
     * unchanged. Before this fix every line was refused (each institution against the alliance as stored, the alliance
     * against its institutions as they stayed), on every import alike: it never converged.
     */
    @Test
    void a_county_community_recoded_into_another_city_loads_in_one_import_and_then_stays_unchanged() {
        String leadId = "XT" + suffix + "H1";
        String firstId = "XT" + suffix + "T1";
        String secondId = "XT" + suffix + "T2";
        String allianceId = "CC-" + suffix;
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("xiangtan")).institutions(institution(leadId, "430321"),
                        at(firstId, Level.TOWNSHIP, "430321100"), at(secondId, Level.TOWNSHIP, "430321101"))
                .alliances(alliance(allianceId, leadId, firstId, secondId)).write())
                .body("inserted", equalTo(4)).body("rejected", equalTo(0));
        Path recoded = new MatrixFixtures.Directory(temp.resolve("zhangjiajie")).institutions(institution(leadId, "430802"),
                        at(firstId, Level.TOWNSHIP, "430802100"), at(secondId, Level.TOWNSHIP, "430802101"))
                .alliances(covering(alliance(allianceId, leadId, firstId, secondId), "430802")).write();

        importAsAdmin(recoded).body("updated", equalTo(4)).body("inserted", equalTo(0)).body("rejected", equalTo(0));
        importAsAdmin(recoded).body("unchanged", equalTo(4)).body("updated", equalTo(0)).body("rejected", equalTo(0));

        getAsAdmin("/api/v1/registry/institutions/" + leadId).statusCode(200).body("divisionCode", equalTo("430802"));
        getAsAdmin("/api/v1/registry/alliances/" + allianceId).statusCode(200).body("coveredDivisions", equalTo(List.of("430802")));
    }

    /**
     * The review of c855ecf: a full re-export (the simulator writes every file) moving only member T2 of CC out of 湘潭.
     * CC's line equals its row, so it restates nothing: T2's line is judged against CC as stored and refused, T2 stays,
     * CC is unchanged — and the same on the next import. When being in the alliances file counted as restating, T2 moved
     * (updated 1), CC's line was refused OUTSIDE_ALLIANCE_CITY, and the next import skipped it as unchanged: 0 rejected,
     * a live alliance naming a member in 张家界 for good.
     */
    @Test
    void a_full_re_export_moving_only_a_member_out_of_its_alliances_city_is_refused_on_every_import() {
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot staying = at("XT" + suffix + "T1", Level.TOWNSHIP, "430321101");
        InstitutionSnapshot member = at("XT" + suffix + "T2", Level.TOWNSHIP, "430321100");
        String memberId = member.institutionId().value();
        String allianceId = "CC-" + suffix;
        AllianceSnapshot community = alliance(allianceId, lead.institutionId().value(), staying.institutionId().value(), memberId);
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("before")).institutions(lead, staying, member)
                .alliances(community).write())
                .body("inserted", equalTo(4)).body("rejected", equalTo(0));
        // A new event id for T2 only, as a re-export after that one change would write it.
        Path moved = new MatrixFixtures.Directory(temp.resolve("after"))
                .institutions(lead, staying, at(memberId, Level.TOWNSHIP, "430802100")).alliances(community).write();

        for (int attempt = 1; attempt <= 2; attempt++) {
            importAsAdmin(moved)
                    .body("updated", equalTo(0)).body("unchanged", equalTo(3)).body("inserted", equalTo(0))
                    .spec(onlyRejected("institutions.jsonl", 3, "OUTSIDE_ALLIANCE_CITY"))
                    .body("rejectedRows[0].detail", containsString("$.divisionCode"))
                    .body("rejectedRows[0].detail", containsString("alliance " + allianceId));
            getAsAdmin("/api/v1/registry/institutions/" + memberId).statusCode(200).body("divisionCode", equalTo("430321100"));
            getAsAdmin("/api/v1/registry/alliances/" + allianceId).statusCode(200)
                    .body("memberIds", equalTo(List.of("XT" + suffix + "H1", "XT" + suffix + "T1", memberId)));
        }
    }

    /**
     * A collaborating partner moved to a county hospital in another district: its line changes division and level, and
     * the rule it breaks (PARTNER_NOT_TERTIARY) reads the level, so the report names {@code $.level} (it named
     * {@code $.divisionCode} whenever the division changed).
     */
    @Test
    void a_partner_line_dropping_below_the_tertiary_level_is_refused_naming_the_level() {
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot partner = at("XT" + suffix + "C1", Level.CITY, "430302");
        String partnerId = partner.institutionId().value();
        AllianceSnapshot community = withPartners(alliance("CC-" + suffix, lead.institutionId().value()), partnerId);
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("before")).institutions(lead, partner)
                .alliances(community).write())
                .body("inserted", equalTo(3)).body("rejected", equalTo(0));

        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("after"))
                .institutions(lead, institution(partnerId, "430304")).alliances(community).write())
                .body("unchanged", equalTo(2)).spec(onlyRejected("institutions.jsonl", 2, "PARTNER_NOT_TERTIARY"))
                .body("rejectedRows[0].detail", containsString("$.level: "));
        getAsAdmin("/api/v1/registry/institutions/" + partnerId).statusCode(200)
                .body("level", equalTo("CITY")).body("divisionCode", equalTo("430302"));
    }

    /**
     * Retiring a member of a live alliance by import is refused as the operator API's retirement is (409 while a live
     * alliance names it): the line is rejected {@code INSTITUTION_RETIRED} on {@code $.active}, naming the alliance, and
     * the file's other line loads. Before 2026-11-25 (8) the member was retired (updated 1, nothing rejected) and the live
     * alliance went on naming a retired institution.
     */
    @Test
    void an_import_retiring_a_member_of_a_live_alliance_is_refused_with_the_rule_while_the_other_lines_load() {
        String allianceId = "CC-" + suffix;
        List<String> members = registerCommunity(allianceId);
        String memberId = members.get(1);

        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("retiring"))
                .institutions(retired(at(memberId, Level.TOWNSHIP, "430321100")), institution("XT" + suffix + "H2", "430321")).write())
                .body("inserted", equalTo(1)).body("updated", equalTo(0))
                .spec(onlyRejected("institutions.jsonl", 1, "INSTITUTION_RETIRED"))
                .body("rejectedRows[0].detail", containsString("$.active: "))
                .body("rejectedRows[0].detail", containsString("alliance " + allianceId));

        getAsAdmin("/api/v1/registry/institutions/" + memberId).statusCode(200).body("active", equalTo(true));
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H2").statusCode(200);
        getAsAdmin("/api/v1/registry/alliances/" + allianceId).statusCode(200).body("memberIds", equalTo(members));
    }

    /**
     * The same retirement in a file whose alliance line drops the member: the alliance is judged by its own line, which no
     * longer names it, so both load in one import (updated 2). Judged against the alliance as stored, the retirement
     * was refused and the alliance line alone loaded.
     */
    @Test
    void a_directory_dropping_a_member_from_its_alliance_and_retiring_it_loads_in_one_import() {
        String allianceId = "CC-" + suffix;
        List<String> members = registerCommunity(allianceId);

        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("dropping"))
                .institutions(retired(at(members.get(1), Level.TOWNSHIP, "430321100")))
                .alliances(alliance(allianceId, members.get(0), members.get(2))).write())
                .body("updated", equalTo(2)).body("inserted", equalTo(0)).body("rejected", equalTo(0));

        getAsAdmin("/api/v1/registry/institutions/" + members.get(1)).statusCode(200).body("active", equalTo(false));
        getAsAdmin("/api/v1/registry/alliances/" + allianceId).statusCode(200)
                .body("memberIds", equalTo(List.of(members.get(0), members.get(2))));
    }

    /**
     * A file that restates the alliance (a second covered division) but still names the member it retires: the alliance
     * as the import leaves it names the member, so the retirement is refused and the alliance line loads. Skipping every
     * restated alliance, the member was retired and the alliance line then refused for naming a retired institution —
     * leaving the alliance as stored naming it.
     */
    @Test
    void a_directory_retiring_a_member_its_restated_alliance_still_names_is_refused_and_the_alliance_line_loads() {
        String allianceId = "CC-" + suffix;
        List<String> members = registerCommunity(allianceId);

        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("still-naming"))
                .institutions(retired(at(members.get(1), Level.TOWNSHIP, "430321100")))
                .alliances(covering(alliance(allianceId, members.get(0), members.get(1), members.get(2)), "430321", "430302")).write())
                .body("updated", equalTo(1)).spec(onlyRejected("institutions.jsonl", 1, "INSTITUTION_RETIRED"))
                .body("rejectedRows[0].detail", containsString("alliance " + allianceId));

        getAsAdmin("/api/v1/registry/institutions/" + members.get(1)).statusCode(200).body("active", equalTo(true));
        getAsAdmin("/api/v1/registry/alliances/" + allianceId).statusCode(200)
                .body("memberIds", equalTo(members)).body("coveredDivisions", equalTo(List.of("430321", "430302")));
    }

    /** Registers a 湘潭县 community — lead …H1, township centres …T1 and …T2 — and answers its members in order. */
    private List<String> registerCommunity(String allianceId) {
        String leadId = "XT" + suffix + "H1";
        String firstId = "XT" + suffix + "T1";
        String secondId = "XT" + suffix + "T2";
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("community")).institutions(institution(leadId, "430321"),
                        at(firstId, Level.TOWNSHIP, "430321100"), at(secondId, Level.TOWNSHIP, "430321101"))
                .alliances(alliance(allianceId, leadId, firstId, secondId)).write())
                .body("inserted", equalTo(4)).body("rejected", equalTo(0));
        return List.of(leadId, firstId, secondId);
    }

    /** As the operator API refuses it: a specialty at a retired institution was loaded by the importer before. */
    @Test
    void a_specialty_line_at_a_retired_institution_is_rejected_while_the_others_load() {
        InstitutionSnapshot hospital = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot closed = retired(institution("XT" + suffix + "H2", "430321"));
        Path directory = new MatrixFixtures.Directory(temp.resolve("retired-specialty"))
                .institutions(hospital, closed)
                .specialties(specialty(hospital.institutionId().value(), "CARDIO"), specialty(closed.institutionId().value(), "CARDIO"))
                .write();

        importAsAdmin(directory)
                .body("inserted", equalTo(3)).spec(onlyRejected("specialties.jsonl", 2, "INSTITUTION_RETIRED"));
    }

    @Test
    void institutions_load_from_csv_with_bad_rows_reported_and_a_second_import_changes_nothing() throws Exception {
        Path directory = temp.resolve("csv");
        Files.createDirectories(directory);
        Files.write(directory.resolve("institutions.csv"), List.of(
                "# exported from the 湘潭 spreadsheet",
                "institution_id,name,level,kind,division_code,latitude,longitude,alliance_ids,active",
                "XT" + suffix + "H1,湘潭县人民医院,COUNTY,GENERAL,430321,27.7790,112.9520,,true",
                "XT" + suffix + "H2,湘潭县中医医院,COUNTY,TCM,4303,27.7,112.9,,true",
                "XT" + suffix + "H3,湘潭市中心医院,CITY,GENERAL,430300,27.8,112.9,,true"), java.nio.charset.StandardCharsets.UTF_8);

        importAsAdmin(directory).body("inserted", equalTo(1)).body("rejected", equalTo(2))
                .body("rejectedRows.find { it.line == 4 }.reason", equalTo("MALFORMED_DIVISION_CODE"))
                .body("rejectedRows.find { it.line == 5 }.reason", equalTo("DIVISION_TOO_COARSE"))
                .body("rejectedRows[0].file", equalTo("institutions.csv"));
        importAsAdmin(directory).body("inserted", equalTo(0)).body("unchanged", equalTo(1));
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H1").statusCode(200).body("name", equalTo("湘潭县人民医院"));
    }

    /**
     * Coordinates outside Hunan are rejected per row, in {@code .jsonl} and CSV alike, while the other rows load: a
     * swapped pair (which the contract alone refused as "latitude between -90 and 90") is reported as swapped, 南昌
     * (a Hunan latitude, east of Hunan) names the longitude, 0/0 the latitude.
     */
    @Test
    void implausible_coordinates_are_rejected_with_the_reason_while_the_other_rows_load() throws Exception {
        InstitutionSnapshot good = institution("XT" + suffix + "H1", "430321");
        Path jsonl = temp.resolve("jsonl");
        Files.createDirectories(jsonl);
        Files.write(jsonl.resolve("institutions.jsonl"), List.of(json(good),
                placedAt(json(institution("XT" + suffix + "H2", "430321")), "112.95", "27.78"),
                placedAt(json(institution("XT" + suffix + "H3", "430321")), "28.68", "115.86")), UTF_8);

        oneLoadedTwoImplausible(importAsAdmin(jsonl), 2, 3, "$.longitude");
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H1").statusCode(200);
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H2").statusCode(404);
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H3").statusCode(404);

        Path csv = temp.resolve("csv");
        Files.createDirectories(csv);
        Files.write(csv.resolve("institutions.csv"), List.of(
                "institution_id,name,level,kind,division_code,latitude,longitude,alliance_ids,active",
                "XT" + suffix + "H4,湘潭县中医医院,COUNTY,TCM,430321,27.7790,112.9520,,true",
                "XT" + suffix + "H5,湘潭县妇幼保健院,COUNTY,MATERNAL_CHILD,430321,112.9520,27.7790,,true",
                "XT" + suffix + "H6,湘潭县第三人民医院,COUNTY,GENERAL,430321,0,0,,true"), UTF_8);

        oneLoadedTwoImplausible(importAsAdmin(csv), 3, 4, "latitude");
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H4").statusCode(200);
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H5").statusCode(404);
    }

    /** One row loaded; two refused for their coordinates: a swapped pair, and one whose detail names the figure off. */
    private static void oneLoadedTwoImplausible(ValidatableResponse answer, int swappedLine, int offLine, String offFigure) {
        answer.body("inserted", equalTo(1)).body("rejected", equalTo(2))
                .body("rejectedRows.find { it.line == " + swappedLine + " }.reason", equalTo("IMPLAUSIBLE_COORDINATES"))
                .body("rejectedRows.find { it.line == " + swappedLine + " }.detail", containsString("swapped"))
                .body("rejectedRows.find { it.line == " + offLine + " }.reason", equalTo("IMPLAUSIBLE_COORDINATES"))
                .body("rejectedRows.find { it.line == " + offLine + " }.detail", containsString(offFigure));
    }

    /** The line with the fixture's place (27.78 N, 112.95 E) stated as other figures. */
    private static String placedAt(String line, String latitude, String longitude) {
        String moved = line.replace("\"latitude\":27.78", "\"latitude\":" + latitude)
                .replace("\"longitude\":112.95", "\"longitude\":" + longitude);
        assertThat(moved).as("the fixture's coordinates in " + line).contains("\"latitude\":" + latitude)
                .contains("\"longitude\":" + longitude);
        return moved;
    }

    /** A file saved in another encoding answered 500 at its first such byte; now the line is reported. */
    @Test
    void a_jsonl_line_not_in_utf8_is_reported_while_the_other_lines_load() throws Exception {
        InstitutionSnapshot before = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot latin1 = institution("XT" + suffix + "H2", "430321");
        InstitutionSnapshot after = institution("XT" + suffix + "H3", "430321");
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix"))
                .alliances(alliance("CC-" + suffix, before.institutionId().value(), after.institutionId().value()))
                .write();
        Files.write(directory.resolve("institutions.jsonl"), MatrixFixtures.lines("\n",
                json(before).getBytes(UTF_8),
                json(latin1).replace("医院 ", "Hôpital ").getBytes(ISO_8859_1),
                json(after).getBytes(UTF_8)));

        importAsAdmin(directory)
                .body("inserted", equalTo(3)).spec(onlyRejected("institutions.jsonl", 2, "MALFORMED_ENCODING"))
                .body("rejectedRows[0].detail", containsString("UTF-8"));
        getAsAdmin("/api/v1/registry/institutions/" + after.institutionId().value()).statusCode(200);
        getAsAdmin("/api/v1/registry/institutions/" + latin1.institutionId().value()).statusCode(404);
        getAsAdmin("/api/v1/registry/alliances/CC-" + suffix).statusCode(200);
    }

    /** As Excel writes a "CSV UTF-8" file: a byte-order mark first, CRLF line ends; one row pasted from a Latin-1 file. */
    @Test
    void a_csv_row_not_in_utf8_is_reported_while_the_other_rows_load_after_a_byte_order_mark() throws Exception {
        Path directory = temp.resolve("csv");
        Files.createDirectories(directory);
        Files.write(directory.resolve("institutions.csv"), MatrixFixtures.lines("\r\n",
                ("\uFEFF" + "institution_id,name,level,kind,division_code,latitude,longitude,alliance_ids,active").getBytes(UTF_8),
                ("XT" + suffix + "H1,湘潭县人民医院,COUNTY,GENERAL,430321,27.7790,112.9520,,true").getBytes(UTF_8),
                ("XT" + suffix + "H2,Hôpital de Xiangtan,COUNTY,GENERAL,430321,27.7,112.9,,true").getBytes(ISO_8859_1),
                ("XT" + suffix + "H3,湘潭县中医医院,COUNTY,TCM,430321,27.7,112.9,,true").getBytes(UTF_8)));

        importAsAdmin(directory)
                .body("inserted", equalTo(2)).spec(onlyRejected("institutions.csv", 3, "MALFORMED_ENCODING"));
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H3").statusCode(200).body("name", equalTo("湘潭县中医医院"));
        getAsAdmin("/api/v1/registry/institutions/XT" + suffix + "H2").statusCode(404);
        importAsAdmin(directory).body("inserted", equalTo(0)).body("unchanged", equalTo(2)).body("rejected", equalTo(1));
    }

    /**
     * Every row passes the contract and the registry's rules; a constraint the test adds for the while refuses one,
     * in the middle of the first of three transactions of 500, as a column limit or check the schema gains would.
     * That transaction failed the import with a 500 and no report.
     */
    @Test
    void a_row_the_database_refuses_is_reported_while_the_rest_of_its_batch_and_the_later_batches_load() {
        List<InstitutionSnapshot> rows = java.util.stream.IntStream.rangeClosed(1, 1001)
                .mapToObj(line -> institution("XT" + suffix + "N" + line, "430321")).toList();
        String refusedId = rows.get(249).institutionId().value();
        Set<String> accepted = rows.stream().map(row -> row.institutionId().value())
                .filter(id -> !id.equals(refusedId)).collect(java.util.stream.Collectors.toSet());
        String constraint = "import_test_refuses_" + suffix;
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix"))
                .institutions(rows.toArray(InstitutionSnapshot[]::new)).write();

        sql("ALTER TABLE institution ADD CONSTRAINT " + constraint + " CHECK (id <> '" + refusedId + "')");
        try {
            importAsAdmin(directory)
                    .body("inserted", equalTo(1000)).spec(onlyRejected("institutions.jsonl", 250, "REFUSED_BY_DATABASE"))
                    .body("rejectedRows[0].detail", containsString("23514"))
                    .body("rejectedRows[0].detail", containsString(constraint));
            getAsAdmin("/api/v1/registry/institutions/" + refusedId).statusCode(404);
            List<ConsumerRecord<String, byte[]>> published = TopicRecords.awaitKeys(Topics.INSTITUTIONS.name(), accepted);
            assertThat(published).extracting(ConsumerRecord::key).doesNotContain(refusedId);

            importAsAdmin(directory).body("inserted", equalTo(0)).body("updated", equalTo(0))
                    .body("unchanged", equalTo(1000)).body("rejected", equalTo(1));
        } finally {
            sql("ALTER TABLE institution DROP CONSTRAINT IF EXISTS " + constraint);
        }
        // Nothing was lost: once the database takes the row, importing the same directory again loads it.
        importAsAdmin(directory).body("inserted", equalTo(1)).body("unchanged", equalTo(1000)).body("rejected", equalTo(0));
    }

    /**
     * The test locks the institution table, so the import's first read waits, then cancels that statement (as a
     * statement timeout would) or ends the service's connection (as a database restart or failover would). Neither
     * is the caller's fault: 503, not 500, and the same import later completes.
     */
    @Test
    void an_import_the_database_cannot_finish_is_503_problem_json_and_the_same_import_later_completes() throws Exception {
        InstitutionSnapshot hospital = institution("XT" + suffix + "H1", "430321");
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix")).institutions(hospital).write();

        for (String interruption : List.of("pg_cancel_backend", "pg_terminate_backend")) {
            importInterruptedBy(interruption, directory).then().statusCode(503).contentType(PROBLEM_JSON)
                    .header("Retry-After", equalTo("10")).body("detail", containsString("again"));
        }
        importAsAdmin(directory).body("inserted", equalTo(1));
    }

    private io.restassured.response.Response importInterruptedBy(String interruption, Path directory) throws Exception {
        SqlConnection locker = pool.getConnection().await().atMost(SQL_DEADLINE);
        try {
            Transaction locked = locker.begin().await().atMost(SQL_DEADLINE);
            locker.query("LOCK TABLE institution IN ACCESS EXCLUSIVE MODE").execute().await().atMost(SQL_DEADLINE);
            int lockerPid = locker.query("SELECT pg_backend_pid()").execute().await().atMost(SQL_DEADLINE)
                    .iterator().next().getInteger(0);
            CompletableFuture<io.restassured.response.Response> answer = CompletableFuture.supplyAsync(() ->
                    given().auth().oauth2(provinceAdmin).contentType("application/json")
                            .body(Map.of("directory", directory.toString()))
                            .when().post("/api/v1/registry/imports").then().extract().response());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> pool
                    .preparedQuery("SELECT " + interruption + "(pid) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))")
                    .execute(Tuple.of(lockerPid)).await().atMost(SQL_DEADLINE).size() > 0);
            // Released before the answer: the import's end refreshes the recommendations' snapshot, which reads the table.
            locked.rollback().await().atMost(SQL_DEADLINE);
            return answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            locker.close().await().atMost(SQL_DEADLINE);
        }
    }

    @Test
    void specialties_load_at_registered_institutions_only_and_the_guidance_catalogue_loads() {
        InstitutionSnapshot hospital = institution("XT" + suffix + "H1", "430321");
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix"))
                .institutions(hospital)
                .specialties(specialty(hospital.institutionId().value(), "CARDIO"),
                        specialty("XT" + suffix + "NOBODY", "CARDIO"))
                .guidance(guidanceEntry("Z" + suffix.substring(0, 2) + "." + suffix.substring(2, 4)))
                .write();

        importAsAdmin(directory)
                .body("inserted", equalTo(3))
                .spec(onlyRejected("specialties.jsonl", 2, "UNKNOWN_INSTITUTION"));
    }

    @Test
    void imported_records_are_published_on_the_matrix_topics_keyed_by_id() {
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot member = institution("XT" + suffix + "T1", "430321100");
        AllianceSnapshot community = alliance("CC-" + suffix, lead.institutionId().value(), member.institutionId().value());
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("matrix"))
                .institutions(lead, member).alliances(community).write())
                .body("inserted", equalTo(3));

        List<ConsumerRecord<String, byte[]>> institutions = TopicRecords.awaitKeys(Topics.INSTITUTIONS.name(),
                Set.of(lead.institutionId().value(), member.institutionId().value()));
        List<ConsumerRecord<String, byte[]>> alliances = TopicRecords.awaitKeys(Topics.ALLIANCES.name(),
                Set.of(community.allianceId().value()));

        assertThat(decoded(institutions, lead.institutionId().value(), InstitutionSnapshot.class)).containsExactly(lead);
        assertThat(decoded(alliances, community.allianceId().value(), AllianceSnapshot.class)).containsExactly(community);
    }

    @Test
    void importing_the_same_directory_again_changes_and_publishes_nothing() {
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot member = institution("XT" + suffix + "T1", "430321100");
        AllianceSnapshot community = alliance("CC-" + suffix, lead.institutionId().value(), member.institutionId().value());
        Path directory = new MatrixFixtures.Directory(temp.resolve("matrix"))
                .institutions(lead, member).alliances(community).write();
        importAsAdmin(directory).body("inserted", equalTo(3));

        importAsAdmin(directory).body("inserted", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3)).body("rejected", equalTo(0));

        // A later change is published after anything the re-import could have published, so once it
        // has arrived every earlier record is on the topics too: then count.
        InstitutionSnapshot renamedMember = renamed(member, "更名后的卫生院");
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("change")).institutions(renamedMember).write())
                .body("updated", equalTo(1)).body("inserted", equalTo(0));
        String renamedEventId = renamedMember.eventId().value();
        TopicRecords.awaitRecord(Topics.INSTITUTIONS.name(), record ->
                CloudEventHeaders.eventId(record.headers()).filter(renamedEventId::equals).isPresent());

        assertThat(keyCounts(TopicRecords.all(Topics.INSTITUTIONS.name()), lead.institutionId().value(),
                member.institutionId().value()))
                .containsEntry(lead.institutionId().value(), 1L)
                .containsEntry(member.institutionId().value(), 2L);
        assertThat(keyCounts(TopicRecords.all(Topics.ALLIANCES.name()), community.allianceId().value()))
                .containsEntry(community.allianceId().value(), 1L);
        getAsAdmin("/api/v1/registry/institutions/" + member.institutionId().value())
                .statusCode(200).body("name", equalTo("更名后的卫生院"))
                .body("lastEventId", equalTo(renamedEventId));
    }

    @Test
    void a_city_operator_sees_institutions_of_its_city_only() {
        InstitutionSnapshot xiangtan = institution("XT" + suffix + "H1", "430321");
        InstitutionSnapshot zhangjiajie = institution("ZJJ" + suffix + "H1", "430802");
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("matrix")).institutions(xiangtan, zhangjiajie).write())
                .body("inserted", equalTo(2));

        getAs(xiangtanOperator, "/api/v1/registry/institutions/" + xiangtan.institutionId().value()).statusCode(200);
        getAs(xiangtanOperator, "/api/v1/registry/institutions/" + zhangjiajie.institutionId().value())
                .statusCode(403).contentType(PROBLEM_JSON);
        // Level filter: keeps the page short even with the whole 湘潭 matrix imported by another test.
        given().auth().oauth2(xiangtanOperator).queryParam("size", 500).queryParam("level", "COUNTY")
                .when().get("/api/v1/registry/institutions")
                .then().statusCode(200)
                .body("items.institutionId", hasItems(xiangtan.institutionId().value()))
                .body("items.institutionId", not(hasItems(zhangjiajie.institutionId().value())))
                .body("items.divisionCode.every { it.startsWith('4303') }", equalTo(true));
    }

    @Test
    void an_alliance_operator_lists_its_members_and_a_city_operator_reads_alliances_covering_its_city() {
        String allianceId = "CC-" + suffix;
        InstitutionSnapshot lead = institution("XT" + suffix + "H1", "430321", allianceId);
        InstitutionSnapshot outsider = institution("XT" + suffix + "H2", "430321");
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("matrix")).institutions(lead, outsider)
                .alliances(alliance(allianceId, lead.institutionId().value())).write())
                .body("inserted", equalTo(3));
        String allianceOperator = TokenMinter.forTests()
                .mint(TokenClaims.forSubject("cc-operator", "alliance-operator").inAlliance(allianceId));
        String zhangjiajieOperator = TokenMinter.forTests()
                .mint(TokenClaims.forSubject("zjj-operator", "city-operator").inCity("430800"));

        given().auth().oauth2(allianceOperator).when().get("/api/v1/registry/institutions")
                .then().statusCode(200)
                .body("items.institutionId", equalTo(List.of(lead.institutionId().value())));
        getAs(xiangtanOperator, "/api/v1/registry/alliances/" + allianceId).statusCode(200)
                .body("leadInstitutionId", equalTo(lead.institutionId().value()));
        getAs(zhangjiajieOperator, "/api/v1/registry/alliances/" + allianceId).statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void lists_institutions_by_division_and_level() {
        InstitutionSnapshot county = institution("XT" + suffix + "H1", "430381");
        importAsAdmin(new MatrixFixtures.Directory(temp.resolve("matrix")).institutions(county).write());

        given().auth().oauth2(provinceAdmin).queryParam("division", "430381").queryParam("level", "COUNTY")
                .when().get("/api/v1/registry/institutions")
                .then().statusCode(200)
                .body("items.institutionId", hasItems(county.institutionId().value()))
                .body("items.divisionCode.every { it.startsWith('430381') }", equalTo(true));
        given().auth().oauth2(provinceAdmin).queryParam("division", "430381").queryParam("level", "VILLAGE")
                .when().get("/api/v1/registry/institutions")
                .then().statusCode(200)
                .body("items.institutionId", not(hasItems(county.institutionId().value())));
    }

    @Test
    void an_unknown_institution_or_alliance_is_404_problem_json() {
        getAsAdmin("/api/v1/registry/institutions/NOPE" + suffix).statusCode(404).contentType(PROBLEM_JSON);
        getAsAdmin("/api/v1/registry/alliances/NOPE" + suffix).statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void bad_list_parameters_are_400_problem_json() {
        for (Map<String, Object> parameters : List.<Map<String, Object>>of(Map.of("level", "HAMLET"),
                Map.of("division", "hunan"), Map.of("size", 0), Map.of("size", 501), Map.of("page", -1))) {
            given().auth().oauth2(provinceAdmin).queryParams(parameters)
                    .when().get("/api/v1/registry/institutions")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void only_a_province_admin_may_import() {
        given().auth().oauth2(xiangtanOperator).contentType("application/json")
                .body(Map.of("directory", temp.toString()))
                .when().post("/api/v1/registry/imports")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void importing_a_missing_directory_is_400_problem_json() {
        given().auth().oauth2(provinceAdmin).contentType("application/json")
                .body(Map.of("directory", temp.resolve("absent").toString()))
                .when().post("/api/v1/registry/imports")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(SQL_DEADLINE);
    }

    /** A report with one rejected row: its file, 1-based line and reason. */
    private static ResponseSpecification onlyRejected(String file, int line, String reason) {
        return new ResponseSpecBuilder().expectBody("rejected", equalTo(1))
                .expectBody("rejectedRows[0].file", equalTo(file))
                .expectBody("rejectedRows[0].line", equalTo(line))
                .expectBody("rejectedRows[0].reason", equalTo(reason)).build();
    }

    private ValidatableResponse importAsAdmin(Path directory) {
        return given().auth().oauth2(provinceAdmin).contentType("application/json")
                .body(Map.of("directory", directory.toString()))
                .when().post("/api/v1/registry/imports")
                .then().statusCode(200);
    }

    private ValidatableResponse getAsAdmin(String path) {
        return getAs(provinceAdmin, path);
    }

    private static ValidatableResponse getAs(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    private static String json(InstitutionSnapshot institution) {
        return new String(ContractCodec.standard().encode(institution), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static <S extends cn.hunan.mma.events.contract.ContractRecord> List<S> decoded(
            List<ConsumerRecord<String, byte[]>> records, String key, Class<S> type) {
        return records.stream().filter(record -> key.equals(record.key()))
                .map(record -> ContractCodec.standard().decode(record.value(), type).orElseThrow())
                .toList();
    }

    private static Map<String, Long> keyCounts(List<ConsumerRecord<String, byte[]>> records, String... keys) {
        Set<String> wanted = Set.of(keys);
        return records.stream().filter(record -> wanted.contains(record.key()))
                .collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::key, java.util.stream.Collectors.counting()));
    }
}
