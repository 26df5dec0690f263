package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;
import cn.hunan.mma.events.referral.Urgency;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    record Patient(int age) {
    }

    record ReferralRequest(Urgency urgency, List<String> diagnoses, BigDecimal estimatedCost) {
    }

    @Test
    void a_contract_violation_is_a_400_naming_the_field_and_reason() {
        Response response = mappers.contractViolation(
                new ContractViolation(Reason.NEGATIVE_MONEY, "totalCost", "an amount of money must not be negative"));

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("totalCost", "NEGATIVE_MONEY"));
    }

    @Test
    void unreadable_json_names_the_field_but_never_echoes_the_submitted_value() {
        String nationalId = "43032119900101123X";
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
                () -> new ObjectMapper().readValue("{\"age\":\"" + nationalId + "\"}", Patient.class));

        Response response = mappers.unreadableJson(e);

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("age");
        assertThat(problem.toString()).doesNotContain(nationalId);
    }

    @Test
    void an_unexpected_error_is_a_500_that_reveals_nothing() {
        Response response = mappers.unexpected(new IllegalStateException("SELECT * FROM referral failed"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("SELECT");
    }

    /** Quarkus REST's JSON reader hands a syntax error over wrapped in a bare 400 (its message "HTTP 400 Bad Request"). */
    @Test
    void a_body_that_is_not_json_says_where_it_stopped_being_json() {
        Response response = mappers.webApplication(
                new WebApplicationException(unreadable("{\"a\":", ReferralRequest.class), Response.Status.BAD_REQUEST));

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        // "{"a":" is five characters: the body ends where column 6 would begin.
        assertThat(problem.detail()).isEqualTo("the body is not valid JSON: it ends before the JSON is complete at line 1, column 6");
    }

    @Test
    void a_body_with_a_stray_token_says_where_but_never_echoes_it() {
        String nationalId = "43032119900101123X";
        Response response = mappers.webApplication(new WebApplicationException(
                // Not a number first: Jackson would read the digits as a number, out of range, before the stray X.
                unreadable("{\n\"urgency\": ID" + nationalId + "}", ReferralRequest.class), Response.Status.BAD_REQUEST));

        Problem problem = (Problem) response.getEntity();
        assertThat(problem.detail()).startsWith("the body is not valid JSON: unexpected text at line 2, column ");
        assertThat(problem.toString()).doesNotContain(nationalId).doesNotContain("4303");
    }

    /** Valid JSON whose number does not fit its field: the field's problem, not "not valid JSON" (helper-112). */
    @Test
    void a_number_too_large_for_its_field_names_the_field_and_never_echoes_it() {
        String nationalIdDigits = "430321199001011234";
        Response response = mappers.webApplication(new WebApplicationException(
                unreadable("{\"age\":" + nationalIdDigits + "}", Patient.class), Response.Status.BAD_REQUEST));

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("age", "number out of range"));
        assertThat(problem.toString()).doesNotContain(nationalIdDigits);
    }

    @Test
    void a_value_of_the_wrong_json_type_names_the_json_shape_not_a_java_type() {
        assertThat(detailFor("{\"diagnoses\":\"I10\"}")).isEqualTo("diagnoses: expected an array");
        assertThat(detailFor("{\"estimatedCost\":{}}")).isEqualTo("estimatedCost: expected a decimal number or a string holding one");
        assertThat(detailFor("{\"urgency\":\"SOON\"}")).isEqualTo("urgency: expected one of ROUTINE, URGENT, EMERGENCY");
    }

    @Test
    void a_field_the_body_type_does_not_have_is_named_as_unknown() {
        // A plain ObjectMapper refuses unknown properties (Quarkus's own does not, a service's may).
        assertThat(detailFor("{\"colour\":\"red\"}")).isEqualTo("colour: unknown field");
    }

    @Test
    void a_json_array_where_an_object_belongs_is_valid_json_of_the_wrong_shape() {
        assertThat(detailFor("[{\"urgency\":\"URGENT\"}]")).isEqualTo("the body is valid JSON of the wrong shape: expected an object");
    }

    @Test
    void an_unknown_id_stays_a_404_problem() {
        Response response = mappers.notFound(new NotFoundException("no rule set version seed-1999.1"), null, null);

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(problem.detail()).isEqualTo("no rule set version seed-1999.1");
    }

    private String detailFor(String body) {
        JsonProcessingException e = unreadable(body, ReferralRequest.class);
        Response response = e instanceof MismatchedInputException mismatch
                ? mappers.mismatchedInput(mismatch)
                : mappers.unreadableJson(e);
        assertThat(response.getStatus()).isEqualTo(400);
        return ((Problem) response.getEntity()).detail();
    }

    private static JsonProcessingException unreadable(String body, Class<?> type) {
        return catchThrowableOfType(JsonProcessingException.class, () -> new ObjectMapper().readValue(body, type));
    }
}
