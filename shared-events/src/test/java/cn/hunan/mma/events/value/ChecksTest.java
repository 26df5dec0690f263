package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {

    @Test
    void text_keeps_line_breaks_and_tabs_and_refuses_other_control_characters_naming_the_field() {
        assertThat(Checks.text("胸痛 2 小时\r\n\t伴出汗", "reason", 100)).isEqualTo("胸痛 2 小时\r\n\t伴出汗");

        for (String bad : new String[] {"chest pain\u0000", "\u0007bell", "esc\u001b[0m", "del\u007f", "c1\u0085"}) {
            assertThatThrownBy(() -> Checks.text(bad, "reason", 100)).as(bad)
                    .isInstanceOfSatisfying(ContractViolation.class, e -> {
                        assertThat(e.field()).isEqualTo("reason");
                        assertThat(e.getMessage()).contains("control characters");
                    });
        }
    }

    @Test
    void a_bounded_decimal_has_at_most_eighteen_decimal_places() {
        assertThat(Checks.between(new java.math.BigDecimal("27.123456789012345678"), "latitude",
                java.math.BigDecimal.valueOf(24), java.math.BigDecimal.valueOf(31))).isEqualByComparingTo("27.123456789012345678");

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
