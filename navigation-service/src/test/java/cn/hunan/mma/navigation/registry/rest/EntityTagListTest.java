package cn.hunan.mma.navigation.registry.rest;

import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The If-Match list syntax of RFC 9110 (§13.1.1, §8.8.3, §5.6.1). */
class EntityTagListTest {

    @Test
    void a_list_keeps_every_tag_in_order_with_its_weakness() {
        assertThat(EntityTagList.parse("\"a\", W/\"b\",\t\"c\""))
                .containsExactly(new EntityTag("a"), new EntityTag("b", true), new EntityTag("c"));
    }

    @Test
    void empty_list_elements_and_spaces_around_commas_are_skipped() {
        assertThat(EntityTagList.parse(", \"a\" ,, \"b\" ,")).containsExactly(new EntityTag("a"), new EntityTag("b"));
    }

    @Test
    void a_tag_may_be_empty_or_hold_commas_and_spaces_are_not_allowed_inside() {
        assertThat(EntityTagList.parse("\"\", \"x,y\"")).containsExactly(new EntityTag(""), new EntityTag("x,y"));
        assertThatIllegalArgumentException().isThrownBy(() -> EntityTagList.parse("\"x y\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f2a", "\"3f2a", "\"a\" \"b\"", "*, \"a\"", "W/3f2a", "w/\"a\"", ",", " , ", "\"a\"x"})
    void anything_else_is_malformed(String field) {
        assertThatIllegalArgumentException().isThrownBy(() -> EntityTagList.parse(field));
    }
}
