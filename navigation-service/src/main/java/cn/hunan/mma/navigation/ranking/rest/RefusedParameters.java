package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.navigation.ranking.Recommendation;
import cn.hunan.mma.platform.rest.Problem;

import java.util.List;

/**
 * A recommender's refusal in the words of the query: the recommender names the request's fields
 * ({@code location.point}), while the client wrote parameters ({@code lat}, {@code lng}) and fixes
 * its request by their names.
 */
final class RefusedParameters {

    private RefusedParameters() {
    }

    /** 400 naming every parameter the refusal is about, in {@code errors[]} and at the start of the detail. */
    static Problem problem(Recommendation.Rejected rejected) {
        List<String> parameters = of(rejected.field());
        return Problem.of(400, "Bad Request", String.join(", ", parameters) + ": " + rejected.message())
                .withErrors(parameters.stream()
                        .map(parameter -> new Problem.FieldError(parameter, rejected.reason().name())).toList());
    }

    static List<String> of(String requestField) {
        return switch (requestField) {
            // No place at all: a division or a point would do.
            case "location" -> List.of("division", "lat", "lng");
            case "location.division" -> List.of("division");
            case "location.point" -> List.of("lat", "lng");
            // diagnosis, department, currentInstitution, urgency: the request's fields bear the parameters' names.
            default -> List.of(requestField);
        };
    }
}
