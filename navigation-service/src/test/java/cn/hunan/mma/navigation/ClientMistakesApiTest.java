package cn.hunan.mma.navigation;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The mistakes a client makes, sent to every navigation endpoint that takes a body or parameters, against the real
 * application: each is 400 problem+json whose detail and {@code errors[].field} name the field as the client wrote it
 * (JSON field, list element or query parameter) — the detail starts with it — never the value type that refused it
 * ("alliance id is required", field {@code $}).
 * Every mistake is caught before the registry or the capacity view is read, so no fixture is needed.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class ClientMistakesApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ALLIANCES = "/api/v1/registry/alliances";
    private static final String INSTITUTIONS = "/api/v1/registry/institutions";
    private static final String SPECIALTY = INSTITUTIONS + "/MK430321H1/specialties/cardiology";
    private static final String CATALOGUE = "/api/v1/registry/catalogue";
    private static final String IMPORTS = "/api/v1/registry/imports";
    private static final String CAPACITY = "/api/v1/capacity/institutions/MK430321H1/departments/cardiology";
    private static final String RECOMMENDATIONS = "/api/v1/navigation/referral-recommendations";

    private static final String ALLIANCE = """
            {"allianceId": "MKA1", "name": "湘潭县医共体", "kind": "COUNTY_COMMUNITY", "leadInstitutionId": "MKH1",
             "memberIds": ["MKH1", "MKH2", "MKH3"], "coveredDivisions": ["430321"], "collaboratingTertiaryIds": []}""";
    private static final String INSTITUTION = """
            {"institutionId": "MKH1", "name": "湘潭县人民医院", "level": "COUNTY", "kind": "GENERAL",
             "divisionCode": "430321", "latitude": 27.78, "longitude": 112.95}""";
    private static final String SPECIALTY_BODY = """
            {"name": "心内科", "tag": "KEY"}""";
    private static final String CATALOGUE_ENTRY = """
            {"lowestInpatientLevel": "COUNTY", "primaryLevelDisease": true, "catalogueVersion": "2025"}""";

    private static final String PROVINCE_ADMIN = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));

    /** One mistake: the request and the field its answer must name. */
    record Mistake(String what, String method, String path, String body, String field) {

        @Override
        public String toString() {
            return what + " → " + field;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                // Alliances: the value types' own checks on ids, list elements and divisions.
                post(ALLIANCES, "{}", "allianceId"),
                post(ALLIANCES, with(ALLIANCE, "\"allianceId\": \"MKA1\"", "\"allianceId\": null"), "allianceId"),
                post(ALLIANCES, with(ALLIANCE, "\"allianceId\": \"MKA1\"", "\"allianceId\": \" \""), "allianceId"),
                post(ALLIANCES, with(ALLIANCE, "\"allianceId\": \"MKA1\"", "\"allianceId\": \"MK A1\""), "allianceId"),
                post(ALLIANCES, with(ALLIANCE, "\"allianceId\": \"MKA1\"", "\"allianceId\": {}"), "allianceId"),
                post(ALLIANCES, with(ALLIANCE, "\"name\": \"湘潭县医共体\", ", ""), "name"),
                post(ALLIANCES, with(ALLIANCE, "\"name\": \"湘潭县医共体\"", "\"name\": \"  \""), "name"),
                post(ALLIANCES, with(ALLIANCE, "\"kind\": \"COUNTY_COMMUNITY\", ", ""), "kind"),
                post(ALLIANCES, with(ALLIANCE, "\"COUNTY_COMMUNITY\"", "\"GOLD\""), "kind"),
                post(ALLIANCES, with(ALLIANCE, "\"leadInstitutionId\": \"MKH1\",", ""), "leadInstitutionId"),
                post(ALLIANCES, with(ALLIANCE, "\"leadInstitutionId\": \"MKH1\"", "\"leadInstitutionId\": \"MK H1\""),
                        "leadInstitutionId"),
                post(ALLIANCES, with(ALLIANCE, "\"MKH3\"]", "null]"), "memberIds[2]"),
                post(ALLIANCES, with(ALLIANCE, "\"MKH3\"]", "\"MK H3\"]"), "memberIds[2]"),
                post(ALLIANCES, with(ALLIANCE, "[\"MKH1\", \"MKH2\", \"MKH3\"]", "\"MKH1\""), "memberIds"),
                post(ALLIANCES, with(ALLIANCE, "[\"430321\"]", "[\"430321\", \"43\"]"), "coveredDivisions[1]"),
                post(ALLIANCES, with(ALLIANCE, "\"collaboratingTertiaryIds\": []", "\"collaboratingTertiaryIds\": [\"\"]"),
                        "collaboratingTertiaryIds[0]"),
                put(ALLIANCES + "/MK!A1", with(ALLIANCE, "\"allianceId\": \"MKA1\", ", ""), "allianceId"),
                put(ALLIANCES + "/MKA2", ALLIANCE, "allianceId"),
                // Institutions.
                post(INSTITUTIONS, "{}", "institutionId"),
                post(INSTITUTIONS, with(INSTITUTION, "\"MKH1\"", "\"MK H1\""), "institutionId"),
                post(INSTITUTIONS, with(INSTITUTION, "\"divisionCode\": \"430321\", ", ""), "divisionCode"),
                post(INSTITUTIONS, with(INSTITUTION, "\"430321\"", "\"43\""), "divisionCode"),
                post(INSTITUTIONS, with(INSTITUTION, "\"COUNTY\"", "\"GOLD\""), "level"),
                post(INSTITUTIONS, with(INSTITUTION, "27.78", "\"north\""), "latitude"),
                post(INSTITUTIONS, with(INSTITUTION, "27.78", "95"), "latitude"),
                put(INSTITUTIONS + "/MK!H1", with(INSTITUTION, "\"institutionId\": \"MKH1\", ", ""), "institutionId"),
                put(INSTITUTIONS + "/MKH2", INSTITUTION, "institutionId"),
                get(INSTITUTIONS + "?division=43", "division"),
                get(INSTITUTIONS + "?level=GOLD", "level"),
                get(INSTITUTIONS + "?page=-1", "page"),
                get(INSTITUTIONS + "?size=0", "size"),
                get(INSTITUTIONS + "?size=501", "size"),
                get(INSTITUTIONS + "?page=abc", "page"),
                get(INSTITUTIONS + "?page=99999999999", "page"),
                // Specialties and the guidance catalogue.
                put(SPECIALTY, "{\"tag\": \"KEY\"}", "name"),
                put(SPECIALTY, "{\"name\": \"心内科\"}", "tag"),
                put(SPECIALTY, with(SPECIALTY_BODY, "\"KEY\"", "\"GOLD\""), "tag"),
                put(INSTITUTIONS + "/MK430321H1/specialties/cardio!logy", SPECIALTY_BODY, "departmentId"),
                put(SPECIALTY, "{\"institutionId\": \"MKH9\", \"name\": \"心内科\", \"tag\": \"KEY\"}", "institutionId"),
                put(CATALOGUE + "/I10", "{}", "primaryLevelDisease"),
                put(CATALOGUE + "/I10", with(CATALOGUE_ENTRY, "\"COUNTY\"", "\"GOLD\""), "lowestInpatientLevel"),
                put(CATALOGUE + "/I10", with(CATALOGUE_ENTRY, "true", "\"maybe\""), "primaryLevelDisease"),
                put(CATALOGUE + "/I10", with(CATALOGUE_ENTRY, "\"2025\"", "\"\""), "catalogueVersion"),
                put(CATALOGUE + "/I1", CATALOGUE_ENTRY, "icd10Prefix"),
                put(CATALOGUE + "/I10", "{\"icd10Prefix\": \"J10\"," + CATALOGUE_ENTRY.substring(1), "icd10Prefix"),
                get(CATALOGUE + "/I1", "icd10Prefix"),
                // Imports.
                post(IMPORTS, "{}", "directory"),
                post(IMPORTS, "{\"directory\": \"  \"}", "directory"),
                post(IMPORTS, "{\"directory\": \"/tmp/a\\u0000b\"}", "directory"),
                // Live capacity.
                get(CAPACITY + "?to=2025-03-31", "from"),
                get(CAPACITY + "?from=2025-13-01&to=2025-03-31", "from"),
                get(CAPACITY + "?from=2025-03-31&to=2025-03-01", "to"),
                get(CAPACITY + "?from=2025-01-01&to=2025-12-31", "to"),
                get("/api/v1/capacity/institutions/MK!H1/departments/cardiology?from=2025-03-01&to=2025-03-02",
                        "institutionId"),
                get("/api/v1/capacity/institutions/MKH1/departments/car!diology?from=2025-03-01&to=2025-03-02",
                        "departmentId"),
                // Recommendations (the referral endpoint: the public one's rate limit is drained by other tests).
                get(RECOMMENDATIONS + "?diagnosis=I1&division=430321", "diagnosis"),
                get(RECOMMENDATIONS + "?department=car!diology&division=430321", "department"),
                get(RECOMMENDATIONS + "?department=cardiology&division=43", "division"),
                get(RECOMMENDATIONS + "?department=cardiology&lat=north&lng=112.9", "lat"),
                get(RECOMMENDATIONS + "?department=cardiology&lat=27.8&lng=east", "lng"),
                get(RECOMMENDATIONS + "?department=cardiology&lat=39.9&lng=116.4", "lat"),
                get(RECOMMENDATIONS + "?department=cardiology&division=110000", "division"),
                get(RECOMMENDATIONS + "?department=cardiology", "division"),
                get(RECOMMENDATIONS + "?department=cardiology&division=430321&urgency=SOON", "urgency"),
                get(RECOMMENDATIONS + "?department=cardiology&division=430321&limit=0", "limit"),
                get(RECOMMENDATIONS + "?department=cardiology&division=430321&currentInstitution=MK!H1",
                        "currentInstitution"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_mistake_is_400_problem_json_naming_the_field_as_the_client_wrote_it(Mistake mistake) {
        RequestSpecification request = given().auth().oauth2(PROVINCE_ADMIN).urlEncodingEnabled(false);
        if (mistake.body() != null) {
            request = request.contentType("application/json").header("If-Match", "\"0\"").body(mistake.body());
        }
        request.when().request(mistake.method(), mistake.path())
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(mistake.field()))
                .body("detail", startsWith(mistake.field()));
    }

    private static Mistake post(String path, String body, String field) {
        return new Mistake("POST " + path + " " + body, "POST", path, body, field);
    }

    private static Mistake put(String path, String body, String field) {
        return new Mistake("PUT " + path + " " + body, "PUT", path, body, field);
    }

    private static Mistake get(String path, String field) {
        return new Mistake("GET " + path, "GET", path, null, field);
    }

    /** The body with one piece of its text replaced, failing loudly when the piece is not there. */
    private static String with(String body, String piece, String replacement) {
        if (!body.contains(piece)) {
            throw new IllegalArgumentException("no " + piece + " in " + body);
        }
        return body.replace(piece, replacement);
    }
}
