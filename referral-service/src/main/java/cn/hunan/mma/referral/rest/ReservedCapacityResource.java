package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.referral.capacity.ReservedCapacityQueries;
import cn.hunan.mma.referral.messaging.MatrixView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.stream.Collectors;

/** A receiving department's reserved referral slots and beds, for schedulers and operators in scope. */
@Path("/api/v1/reserved-capacity/institutions/{institutionId}/departments/{departmentId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class ReservedCapacityResource {

    public record ReservedCapacityView(String institutionId, String departmentId,
                                       List<ReservedCapacityQueries.SessionPool> sessions,
                                       ReservedCapacityQueries.BedPool beds) {
    }

    private final ReservedCapacityQueries queries;
    private final MatrixView matrix;
    private final CurrentCaller caller;

    public ReservedCapacityResource(ReservedCapacityQueries queries, MatrixView matrix, CurrentCaller caller) {
        this.queries = queries;
        this.matrix = matrix;
        this.caller = caller;
    }

    @GET
    public Uni<ReservedCapacityView> department(@PathParam("institutionId") String institutionId,
                                                @PathParam("departmentId") String departmentId) {
        var institution = matrix.institution(InstitutionId.of(institutionId))
                .orElseThrow(() -> new NotFoundException("the matrix has no institution " + institutionId));
        AccessPolicy.requireSee(caller.get(), Jurisdiction.ofInstitution(institutionId, institution.division(),
                institution.allianceIds().stream().map(Object::toString).collect(Collectors.toSet())),
                "reserved capacity of " + institutionId);
        return queries.sessions(institutionId, departmentId).chain(sessions -> queries.beds(institutionId, departmentId)
                .map(beds -> new ReservedCapacityView(institutionId, departmentId, sessions,
                        beds.isEmpty() ? null : beds.get(0))));
    }
}
