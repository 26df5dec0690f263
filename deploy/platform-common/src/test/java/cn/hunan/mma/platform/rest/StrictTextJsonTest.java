package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StrictTextJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    StrictTextJsonTest() {
        new StrictTextJson().customize(json);
    }

    /** A request body with a field of each kind the services' requests have. */
    record Filing(String directory, List<String> tags, Map<String, String> labels, BigDecimal rate, int count, long total,
                  Urgency urgency, DivisionCode division, Money amount, SignedMoney adjustment, @TextOrNumber String budget) {
    }

    @Test
    void a_number_or_boolean_where_text_belongs_is_refused_naming_the_field() {
        assertThat(refusal("{\"directory\":42}")).isEqualTo("directory: expected a string");
        assertThat(refusal("{\"directory\":4.2}")).isEqualTo("directory: expected a string");
        assertThat(refusal("{\"directory\":true}")).isEqualTo("directory: expected a string");
    }

    @Test
    void inside_a_list_of_strings_and_as_a_map_value_too() {
        assertThat(refusal("{\"tags\":[\"a\",1]}")).isEqualTo("tags[1]: expected a string");
        assertThat(refusal("{\"labels\":{\"colour\":false}}")).isEqualTo("labels.colour: expected a string");
    }

    /** A field of an element of a list is named as a client writes it, and as the contract does: no dot before the index. */
    @Test
    void a_field_of_a_list_element_is_named_with_its_index() {
        JsonProcessingException refused = catchThrowableOfType(JsonProcessingException.class,
                () -> json.readValue("{\"filings\":[{\"directory\":\"a\"},{\"directory\":7}]}", Roster.class));
        Problem problem = (Problem) new ProblemMappers().unreadableJson(refused).getEntity();

        assertThat(problem.detail()).isEqualTo("filings[1].directory: expected a string");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("filings[1].directory");
    }

    record Roster(List<Filing> filings) {
    }

    @Test
    void a_value_type_read_from_text_refuses_a_number() {
        assertThat(refusal("{\"division\":430300}")).isEqualTo("division: expected a string");
    }

    @Test
    void text_numbers_enums_value_types_and_null_read_as_before() throws JsonProcessingException {
        Filing filing = json.readValue("""
                {"directory":"/data/matrix","tags":["42"],"labels":{"7":"x"},"rate":0.05,"count":3,"total":9000000000,
                 "urgency":"URGENT","division":"430300","amount":"123.45","adjustment":"-5.00","budget":null}""", Filing.class);

        assertThat(filing).isEqualTo(new Filing("/data/matrix", List.of("42"), Map.of("7", "x"), new BigDecimal("0.05"), 3,
                9_000_000_000L, Urgency.URGENT, DivisionCode.of("430300"), Money.ofFen(12_345), SignedMoney.ofFen(-500), null));
        assertThat(json.readValue("{\"rate\":\"0.05\",\"directory\":null}", Filing.class))
                .extracting(Filing::rate, Filing::directory).containsExactly(new BigDecimal("0.05"), null);
    }

    @Test
    void an_amount_of_money_still_takes_a_json_number_exactly_as_written() throws JsonProcessingException {
        Filing filing = json.readValue("{\"amount\":123.45,\"adjustment\":-0.10,\"budget\":1000000.00}", Filing.class);

        assertThat(filing.amount()).isEqualTo(Money.ofFen(12_345));
        assertThat(filing.adjustment()).isEqualTo(SignedMoney.ofFen(-10));
        assertThat(filing.budget()).as("a @TextOrNumber string keeps the client's characters").isEqualTo("1000000.00");
        assertThat(json.readValue("{\"amount\":100.00,\"budget\":\"30000.00\"}", Filing.class))
                .extracting(Filing::amount, Filing::budget).containsExactly(Money.ofFen(10_000), "30000.00");
    }

    @Test
    void an_amount_that_is_not_yuan_is_refused_as_a_string_of_it_would_be() {
        for (String amount : List.of("12.345", "1e2", "100", "-1.00", "\"12.345\"")) {
            Problem problem = problem("{\"amount\":" + amount + "}");
            assertThat(problem.errors()).as(amount).singleElement()
                    .extracting(Problem.FieldError::field).isEqualTo("amount");
            assertThat(problem.detail()).as(amount).doesNotContain(amount.replace("\"", ""));
        }
        assertThat(refusal("{\"amount\":true}")).isEqualTo("amount: expected an amount in yuan such as \"123.45\" (a string or a number)");
        assertThat(refusal("{\"budget\":true}")).isEqualTo("budget: expected a string");
        assertThat(refusal("{\"budget\":[1]}")).isEqualTo("budget: expected a string");
    }

    private String refusal(String body) {
        return problem(body).detail();
    }

    private Problem problem(String body) {
        JsonProcessingException refused = catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Filing.class));
        assertThat(refused).as(body).isNotNull();
        Problem problem = (Problem) new ProblemMappers().unreadableJson(refused).getEntity();
        assertThat(problem.status()).isEqualTo(400);
        return problem;
    }
}
