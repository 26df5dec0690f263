package cn.hunan.mma.platform.messaging;

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

    private static String masked(String record, boolean anywhere) {
        return new String(NationalIdMask.masked(record.getBytes(StandardCharsets.UTF_8), anywhere), StandardCharsets.UTF_8);
    }
}
