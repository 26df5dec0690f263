package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.value.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdMaskTest {

    private static final String NUMBER = "43032119800101123X";
    /** A genuine 64-hex pseudonym with 18 decimal digits in a row, as about one in a hundred has. */
    private static final String PSEUDONYM = "ab" + "123456789012345678" + "c".repeat(44);

    @Test
    void a_number_standing_alone_is_masked_character_for_character_and_the_rest_kept_byte_for_byte() {
        String record = "{\"patient\":\"" + NUMBER + "\",\"note\":\"湘潭县\"}";

        String masked = masked(record, false);

        assertThat(masked).isEqualTo("{\"patient\":\"" + "*".repeat(18) + "\",\"note\":\"湘潭县\"}");
    }

    @Test
    void digits_inside_a_pseudonym_are_kept_unless_the_record_was_refused_for_a_number_in_its_pseudonym() {
        String record = "{\"patient\":\"" + PSEUDONYM + "\"}";

        assertThat(masked(record, false)).isEqualTo(record);
        assertThat(masked(record, true)).doesNotContainPattern("\\d{17}[\\dXx]").contains("ab" + "*".repeat(18) + "ccc");
    }

    @Test
    void a_number_padded_into_a_pseudonym_s_length_is_masked_when_that_is_why_the_record_was_refused() {
        String record = "{\"patient\":\"" + NUMBER + "0".repeat(46) + "\"}";

        assertThat(masked(record, true)).doesNotContain("430321198001011");
    }

    @Test
    void bytes_with_nothing_to_mask_are_returned_as_they_are() {
        byte[] data = "{\"eventId\":\"3f1c\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(NationalIdMask.masked(data, true)).isSameAs(data);
        assertThat(NationalIdMask.masked(null, true)).isNull();
    }

    @Test
    void a_record_refused_for_a_number_the_mask_cannot_find_is_withheld_from_the_dead_letter_topic() {
        // The number's last character written as a JSON escape: decoded, it is refused for a number in its pseudonym;
        // as bytes, no 18 characters in a row match.
        byte[] escaped = "{\"patient\":\"43032119800101123\\u0058\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(NationalIdMask.forDeadLetter(escaped, Reason.NATIONAL_ID_IN_PSEUDONYM), StandardCharsets.UTF_8))
                .startsWith("{\"withheld\":").doesNotContain("43032119800101123");
        assertThat(NationalIdMask.forDeadLetter(escaped, Reason.MALFORMED_JSON)).as("refused for another reason: kept").isSameAs(escaped);
        byte[] plain = ("{\"patient\":\"" + NUMBER + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(NationalIdMask.forDeadLetter(plain, Reason.NATIONAL_ID_IN_PSEUDONYM), StandardCharsets.UTF_8))
                .isEqualTo("{\"patient\":\"" + "*".repeat(18) + "\"}");
    }

    @Test
    void a_first_generation_fifteen_digit_number_is_masked_like_an_eighteen_character_one() {
        String record = "{\"patient\":\"430102850317123\",\"note\":\"old card 430102850317123.\"}";

        assertThat(masked(record, false)).isEqualTo("{\"patient\":\"" + "*".repeat(15) + "\",\"note\":\"old card "
                + "*".repeat(15) + ".\"}");
        byte[] refused = "{\"patient\":\"patient-430102850317123\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(NationalIdMask.forDeadLetter(refused, Reason.NATIONAL_ID_IN_PSEUDONYM), StandardCharsets.UTF_8))
                .as("refused for it: masked inside the pseudonym's text too")
                .isEqualTo("{\"patient\":\"patient-" + "*".repeat(15) + "\"}");
    }

    @Test
    void fifteen_digits_that_cannot_be_a_first_generation_number_are_kept() {
        String record = "{\"month13\":\"430102851317123\",\"area9\":\"930102850317123\","
                + "\"sixteen\":\"4301028503171234\",\"sixteenToo\":\"9430102850317123\",\"fraction\":0.430102850317123}";

        assertThat(masked(record, false)).isEqualTo(record);
        assertThat(masked(record.replace(",\"fraction\":0.430102850317123", ""), true)).as("nor anywhere")
                .isEqualTo(record.replace(",\"fraction\":0.430102850317123", ""));
    }

    private static String masked(String record, boolean anywhere) {
        return new String(NationalIdMask.masked(record.getBytes(StandardCharsets.UTF_8), anywhere), StandardCharsets.UTF_8);
    }
}
