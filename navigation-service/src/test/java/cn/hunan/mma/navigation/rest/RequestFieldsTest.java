package cn.hunan.mma.navigation.rest;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Reason;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RequestFieldsTest {

    @Test
    void a_missing_value_is_required_by_the_field_name_not_the_value_type() {
        ContractViolation refused = refusal(() -> RequestFields.parsed("allianceId", null, AllianceId::of));

        assertThat(refused.field()).isEqualTo("allianceId");
        assertThat(refused.reason()).isEqualTo(Reason.MISSING_FIELD);
        assertThat(refused.getMessage()).isEqualTo("allianceId is required");
    }

    @Test
    void a_malformed_value_is_refused_with_the_field_in_place_of_the_value_types_name() {
        ContractViolation refused = refusal(() -> RequestFields.parsed("division", "43", DivisionCode::of));

        assertThat(refused.field()).isEqualTo("division");
        assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_DIVISION_CODE);
        assertThat(refused.getMessage()).isEqualTo("division must be 6 (GB/T 2260), 9 (township) or 12 (village) digits");
    }

    @Test
    void a_refusal_not_worded_with_must_keeps_its_message_after_the_field() {
        ContractViolation refused = refusal(() -> RequestFields.parsed("amount", "x", text -> {
            throw new ContractViolation(Reason.NEGATIVE_MONEY, null, "an amount of money is never negative");
        }));

        assertThat(refused.field()).isEqualTo("amount");
        assertThat(refused.getMessage()).isEqualTo("amount: an amount of money is never negative");
    }

    @Test
    void list_elements_are_named_by_their_index() {
        ContractViolation malformed = refusal(() -> RequestFields.parsedEach("memberIds",
                List.of("H1", "H2", "H 3"), InstitutionId::of));
        ContractViolation missing = refusal(() -> RequestFields.parsedEach("memberIds",
                Arrays.asList("H1", null), InstitutionId::of));

        assertThat(malformed.field()).isEqualTo("memberIds[2]");
        assertThat(malformed.getMessage()).startsWith("memberIds[2] must be 1-64 letters");
        assertThat(missing.field()).isEqualTo("memberIds[1]");
        assertThat(missing.getMessage()).isEqualTo("memberIds[1] is required");
    }

    @Test
    void an_absent_list_is_empty_and_a_present_one_is_parsed_in_order() {
        assertThat(RequestFields.parsedEach("memberIds", null, InstitutionId::of)).isEmpty();
        assertThat(RequestFields.parsedEach("memberIds", List.of("H2", "H1"), InstitutionId::of))
                .containsExactly(InstitutionId.of("H2"), InstitutionId.of("H1"));
    }

    @Test
    void ids_repeated_in_the_body_must_equal_the_path() {
        RequestFields.requireSame("allianceId", null, "A1");
        RequestFields.requireSame("allianceId", "A1", "A1");

        ContractViolation refused = refusal(() -> RequestFields.requireSame("allianceId", "A2", "A1"));
        assertThat(refused.field()).isEqualTo("allianceId");
        assertThat(refused.getMessage()).startsWith("allianceId must equal");
    }

    private static ContractViolation refusal(Runnable parse) {
        Throwable refused = catchThrowable(parse::run);
        assertThat(refused).isInstanceOf(ContractViolation.class);
        return (ContractViolation) refused;
    }
}
