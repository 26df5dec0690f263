package cn.hunan.mma.referral.rest;

import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.referral.service.ReferralQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The shared referral record (and its FHIR form): every read, and every refused attempt, is written
 * to the access audit, which auditors query here too.
 */
@Path("/api/v1/referrals/{referralId}")
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class SharedRecordResource {

    private final ReferralQueries queries;
    private final CurrentCaller caller;

    public SharedRecordResource(ReferralQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/record")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ReferralRecordView> record(@PathParam("referralId") String referralId) {
        return queries.record(referralId, "record", caller.get()).map(ReferralRecordView::of);
    }

    @GET
    @Path("/fhir")
    @Produces({FhirReferralExport.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Response> fhir(@PathParam("referralId") String referralId) {
        return queries.record(referralId, "fhir", caller.get())
                .map(found -> Response.ok(FhirReferralExport.bundle(found).toString(), FhirReferralExport.MEDIA_TYPE).build());
    }

    @GET
    @Path("/record/accesses")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AUDITOR_NAME, Role.PROVINCE_ADMIN_NAME})
    public Uni<List<RecordAccessView>> accesses(@PathParam("referralId") String referralId) {
        return queries.accesses(referralId, caller.get()).map(rows -> rows.stream().map(RecordAccessView::of).toList());
    }
}
