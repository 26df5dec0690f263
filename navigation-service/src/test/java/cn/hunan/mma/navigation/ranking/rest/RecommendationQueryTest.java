package cn.hunan.mma.navigation.ranking.rest;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The route reads its parameters off the raw request target ({@link RecommendationQuery#fromUri});
 * these must be what Vert.x's {@code RoutingContext.queryParams()} gives — Netty's decoder into a
 * case-insensitive multimap, first value — for every target, odd ones included.
 */
class RecommendationQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/navigation/recommendations?diagnosis=I63.9&department=neurology&lat=27.7791&lng=112.9519&urgency=URGENT",
            "/api/v1/navigation/referral-recommendations?department=cardiology&division=430321101&currentInstitution=430321H0001&limit=5",
            "/p?department=%E7%A5%9E%E7%BB%8F+%E5%86%85%E7%A7%91&division=430321",
            "/p?DIAGNOSIS=I10&Department=CARDIO&LaT=27.1&LNG=112.0&URGENCY=ROUTINE&CURRENTINSTITUTION=x&LIMIT=3",
            "/p?department=A&department=B&Department=C",
            "/p?Department=C&department=A",
            "/p?department=NEURO;division=430321;limit=2",
            "/p?department=NEURO#division=430321",
            "/p#x?department=NEURO",
            "/p?=x&department=NEURO",
            "/p?department==NEURO",
            "/p?department&division=&limit",
            "/p?&&department=X&&",
            "/p?depart%6Dent=X&%6Cimit=4",
            "/p?lat+=1&lng%20=2&department=+X+",
            "/p?diagno\u017Fis=I10&department=K",
            "/p?limit=%31%30",
            "/p",
            "/p?",
            "/p?department",
            "department=X",
    })
    void reads_what_vertx_reads(String uri) {
        assertThat(fieldsOf(RecommendationQuery.fromUri(uri))).isEqualTo(fieldsOf(vertx(uri)));
    }

    @Test
    void reads_no_more_parameters_than_vertx_does() {
        String many = "x=1&".repeat(1023);
        for (String uri : List.of("/p?" + many + "department=within", "/p?" + many + "y=2&department=beyond")) {
            assertThat(fieldsOf(RecommendationQuery.fromUri(uri))).isEqualTo(fieldsOf(vertx(uri)));
        }
        assertThat(RecommendationQuery.fromUri("/p?" + many + "department=within").department).isEqualTo("within");
        assertThat(RecommendationQuery.fromUri("/p?" + many + "y=2&department=beyond").department).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/p?department=%E", "/p?department=%ZZ", "/p?other=%G1&department=X", "/p?%zz=1&department=X"})
    void a_malformed_escape_anywhere_is_refused_as_vertx_refuses_it(String uri) {
        assertThatThrownBy(() -> vertx(uri)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecommendationQuery.fromUri(uri)).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the route read before: {@code RoutingContextImpl.getQueryParams} of Vert.x 4.5, then {@code get}. */
    private static RecommendationQuery vertx(String uri) {
        MultiMap parameters = MultiMap.caseInsensitiveMultiMap();
        new QueryStringDecoder(uri).parameters().forEach(parameters::add);
        RecommendationQuery query = new RecommendationQuery();
        query.diagnosis = parameters.get("diagnosis");
        query.department = parameters.get("department");
        query.division = parameters.get("division");
        query.latitude = parameters.get("lat");
        query.longitude = parameters.get("lng");
        query.urgency = parameters.get("urgency");
        query.currentInstitution = parameters.get("currentInstitution");
        query.limit = parameters.get("limit");
        return query;
    }

    private static List<String> fieldsOf(RecommendationQuery query) {
        return Arrays.asList(query.diagnosis, query.department, query.division, query.latitude, query.longitude,
                query.urgency, query.currentInstitution, query.limit);
    }
}
