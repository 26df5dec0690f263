package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.ranking.CallerKind;
import cn.hunan.mma.navigation.ranking.Location;
import cn.hunan.mma.navigation.ranking.RecommendationRequest;
import cn.hunan.mma.navigation.ranking.Recommender;
import cn.hunan.mma.navigation.ranking.Urgency;
import cn.hunan.mma.navigation.rest.RequestFields;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of both recommendation endpoints. A malformed value (an ICD-10 code,
 * division or id that breaks the contract, a bad number or urgency) throws {@code ContractViolation}
 * naming the parameter: 400 problem+json. Absent values stay null so the recommender names the
 * missing field.
 */
public class RecommendationQuery {

    @QueryParam("diagnosis")
    String diagnosis;
    @QueryParam("department")
    String department;
    @QueryParam("division")
    String division;
    @QueryParam("lat")
    String latitude;
    @QueryParam("lng")
    String longitude;
    @QueryParam("urgency")
    String urgency;
    @QueryParam("currentInstitution")
    String currentInstitution;
    @QueryParam("limit")
    String limit;

    private static final String[] NAMES =
            {"diagnosis", "department", "division", "lat", "lng", "urgency", "currentInstitution", "limit"};

    /**
     * The query read off a request target ({@code /path?query}) as Vert.x's query parameters read it
     * ({@link QueryString}), without building them as a map first: the route's parsing allocated
     * a map, entries and lists for every request.
     */
    static RecommendationQuery fromUri(String uri) {
        String[] values = new String[NAMES.length];
        QueryString.readUri(uri, new QueryString.Parameters() {
            @Override
            public int wanted(String text, int from, int to) {
                for (int slot = 0; slot < NAMES.length; slot++) {
                    if (QueryString.isName(NAMES[slot], text, from, to)) {
                        return slot;
                    }
                }
                return -1;
            }

            @Override
            public boolean has(int slot) {
                return values[slot] != null;
            }

            @Override
            public void accept(int slot, String value) {
                values[slot] = value;
            }
        });
        RecommendationQuery query = new RecommendationQuery();
        query.diagnosis = values[0];
        query.department = values[1];
        query.division = values[2];
        query.latitude = values[3];
        query.longitude = values[4];
        query.urgency = values[5];
        query.currentInstitution = values[6];
        query.limit = values[7];
        return query;
    }

    /** The most candidates an answer may be asked to hold: an answer is a short list to choose from. */
    static final int MAX_LIMIT = 50;

    /** How many candidates to answer with: {@link Recommender#DEFAULT_LIMIT} unless given, 1 to {@value #MAX_LIMIT}. */
    int limit() {
        if (!present(limit)) {
            return Recommender.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ContractViolation.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    RecommendationRequest toRequest(CallerKind caller) {
        return new RecommendationRequest(
                present(diagnosis) ? RequestFields.parsed("diagnosis", diagnosis, Icd10Code::of) : null,
                present(department) ? RequestFields.parsed("department", department, DepartmentId::of) : null,
                location(),
                present(currentInstitution)
                        ? RequestFields.parsed("currentInstitution", currentInstitution, InstitutionId::of) : null,
                urgency(),
                caller);
    }

    private Location location() {
        if (present(division)) {
            return Location.in(RequestFields.parsed("division", division, DivisionCode::of));
        }
        if (present(latitude) && present(longitude)) {
            return Location.at(degrees(latitude, "lat"), degrees(longitude, "lng"));
        }
        return null;
    }

    private Urgency urgency() {
        if (!present(urgency)) {
            return Urgency.ROUTINE;
        }
        try {
            return Urgency.valueOf(urgency);
        } catch (IllegalArgumentException e) {
            throw ContractViolation.invalid("urgency", "urgency must be ROUTINE or URGENT");
        }
    }

    private static double degrees(String text, String name) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ContractViolation.invalid(name, name + " must be a decimal number of degrees");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
