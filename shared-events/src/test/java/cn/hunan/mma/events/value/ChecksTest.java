package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {

    @Test
    void text_refuses_a_nul_naming_the_field_and_keeps_what_was_accepted_before() {
        assertThat(Checks.text("胸痛 2 小时\r\n\t伴出汗\u000b", "reason", 100)).isEqualTo("胸痛 2 小时\r\n\t伴出汗\u000b");

        assertThatThrownBy(() -> Checks.text("chest pain\u0000", "reason", 100))
                .isInstanceOfSatisfying(ContractViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.getMessage()).contains("NUL");
                });
    }

    @Test
    void a_bounded_decimal_has_at_most_a_hundred_decimal_places() {
        java.math.BigDecimal longButPlausible = new java.math.BigDecimal("27." + "1".repeat(40));
        assertThat(Checks.between(longButPlausible, "latitude", java.math.BigDecimal.valueOf(24), java.math.BigDecimal.valueOf(31)))
                .isEqualByComparingTo(longButPlausible);

        assertThatThrownBy(() -> Checks.between(new java.math.BigDecimal("1e-10000"), "latitude",
                java.math.BigDecimal.valueOf(-90), java.math.BigDecimal.valueOf(90)))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.field()).isEqualTo("latitude"));
    }

    @Test
    void a_line_is_text_without_line_breaks() {
        assertThat(Checks.line("pacs://430321H0001/study/88\tA", "attachmentRefs[0]", 512)).endsWith("\tA");

        assertThatThrownBy(() -> Checks.line("pacs://a\nb", "attachmentRefs[0]", 512))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.field()).isEqualTo("attachmentRefs[0]"));
        assertThatThrownBy(() -> Checks.line("pacs://a\rb", "attachmentRefs[0]", 512)).isInstanceOf(ContractViolation.class);
    }
}
