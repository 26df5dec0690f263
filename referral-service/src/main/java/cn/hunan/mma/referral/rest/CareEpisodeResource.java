package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import cn.hunan.mma.referral.service.ReferralQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 治疗过程可追溯: a patient's referrals the caller may see, grouped by the care episode that links them. */
@Path("/api/v1/patients/{patientPseudonym}/care-episodes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class CareEpisodeResource {

    /** One episode: its referrals oldest first (e.g. up to the county hospital, then back down). */
    public record CareEpisodeView(String episodeId, List<ReferralView> referrals) {
    }

    private final ReferralQueries queries;
    private final CurrentCaller caller;

    public CareEpisodeResource(ReferralQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    public Uni<List<CareEpisodeView>> episodes(@PathParam("patientPseudonym") String patientPseudonym) {
        PatientPseudonym patient = PatientPseudonym.of(patientPseudonym); // 400 for anything else, national IDs included
        Caller who = caller.get();
        return queries.careOf(patient.value(), who).map(referrals -> {
            Map<String, List<ReferralView>> byEpisode = new LinkedHashMap<>();
            for (ReferralEntity referral : referrals) {
                byEpisode.computeIfAbsent(referral.episodeId(), id -> new ArrayList<>())
                        .add(ReferralResource.view(referral, who));
            }
            return byEpisode.entrySet().stream().map(e -> new CareEpisodeView(e.getKey(), e.getValue())).toList();
        });
    }
}
