package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    record Patient(int age) {
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
}
