package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.referral.Urgency;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UnconvertedParameterTest {

    /** Resource methods shaped like the services' (only their signatures matter). */
    static class Resources {
        public void rank(@PathParam("kind") String kind, @QueryParam("area") String area,
                         @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
                         UriInfo uri) {
        }

        public void history(@QueryParam("from") LocalDate from, @RestQuery Optional<Integer> year,
                            @QueryParam("urgency") List<Urgency> urgency) {
        }

        public void byNumber(@PathParam("number") long number, @QueryParam("page") int page) {
        }
    }

    @Test
    void of_two_number_parameters_the_one_that_is_not_a_number_failed() {
        Optional<UnconvertedParameter> failed = UnconvertedParameter.find(method("rank"),
                Map.of("area", List.of("430300"), "page", List.of("1"), "size", List.of("twenty")), Map.of("kind", List.of("county")));

        assertThat(failed).contains(new UnconvertedParameter("size", int.class, true));
    }

    @Test
    void an_empty_value_is_not_a_number_either() {
        assertThat(UnconvertedParameter.find(method("rank"), Map.of("page", List.of("")), Map.of("kind", List.of("county"))))
                .contains(new UnconvertedParameter("page", int.class, true));
    }

    @Test
    void a_rest_query_is_named_after_its_java_parameter_and_a_container_by_its_element() {
        assertThat(UnconvertedParameter.find(method("history"), Map.of("from", List.of("2025-03-31"), "year", List.of("MMXXV")), Map.of()))
                .contains(new UnconvertedParameter("year", Integer.class, true));
        assertThat(UnconvertedParameter.find(method("history"), Map.of("urgency", List.of("URGENT", "SOON")), Map.of()))
                .contains(new UnconvertedParameter("urgency", Urgency.class, true));
        assertThat(UnconvertedParameter.find(method("history"), Map.of("from", List.of("2025-02-30")), Map.of()))
                .contains(new UnconvertedParameter("from", LocalDate.class, true));
    }

    @Test
    void a_path_parameter_that_failed_first_is_marked_as_not_in_the_query() {
        // Quarkus converts the path parameter first and stops there: the bad page is never reached.
        assertThat(UnconvertedParameter.find(method("byNumber"), Map.of("page", List.of("x")), Map.of("number", List.of("one"))))
                .contains(new UnconvertedParameter("number", long.class, false));
    }

    @Test
    void nothing_is_found_when_every_parameter_converts() {
        assertThat(UnconvertedParameter.find(method("rank"),
                Map.of("area", List.of("430300"), "page", List.of("-1"), "size", List.of("20")), Map.of("kind", List.of("county"))))
                .isEmpty();
    }

    private static Method method(String name) {
        return Arrays.stream(Resources.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
