package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.events.capacity.SessionPeriod;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What referral {@code i} sends: an upward request from a township centre to a county or city
 * expert clinic (route {@code i}), a synthetic patient pseudonym of its own, a diagnosis from a
 * short list, and the schedule body that holds a slot of the seeded session. Tokens are minted
 * once per institution.
 */
final class ReferralPlan {

    /** Diagnoses that township centres send up (stroke, infarction, fracture, tumour, appendicitis, CKD). */
    private static final List<String> DIAGNOSES = List.of("I63.9", "I21.9", "S72.0", "C34.9", "K35.8", "N18.5");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferralRoutes routes;
    private final Function<String, String> tokenOf;
    private final String scheduleBody;
    private final long seed;

    record Planned(String senderToken, String receiverToken, String createBody, String scheduleBody) {
    }

    /** @param tokenOf an institution user's bearer token for an institution id (memoised by the caller) */
    ReferralPlan(ReferralRoutes routes, Function<String, String> tokenOf, LocalDate sessionDate, SessionPeriod period, long seed) {
        this.routes = routes;
        this.tokenOf = tokenOf;
        this.seed = seed;
        this.scheduleBody = json(Map.of("reservationKind", "SLOT", "sessionDate", sessionDate.toString(),
                "sessionPeriod", period.name()));
    }

    String tokenOf(String institutionId) {
        return tokenOf.apply(institutionId);
    }

    Planned planned(long referral) {
        ReferralRoutes.Route route = routes.route(referral);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("senderInstitutionId", route.sender().institutionId());
        body.put("senderDepartmentId", route.sender().departmentId());
        body.put("receiverInstitutionId", route.receiver().institutionId());
        body.put("receiverDepartmentId", route.receiver().departmentId());
        body.put("patientPseudonym", pseudonym(referral));
        body.put("diagnosis", DIAGNOSES.get((int) (referral % DIAGNOSES.size())));
        body.put("reason", "beyond the township centre's capability; specialist assessment needed");
        body.put("criteriaMet", List.of("BEYOND_LOCAL_CAPABILITY"));
        body.put("urgency", "ROUTINE");
        body.put("attachmentRefs", List.of("ehr://benchmark/visit/" + referral));
        body.put("courseSummary", "benchmark referral " + referral);
        return new Planned(tokenOf.apply(route.sender().institutionId()), tokenOf.apply(route.receiver().institutionId()),
                json(body), scheduleBody);
    }

    /** A 64-hex pseudonym per (seed, referral): synthetic, like the platform's HMAC pseudonyms in form only. */
    String pseudonym(long referral) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("referral-benchmark/" + seed + "/patient/" + referral).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
