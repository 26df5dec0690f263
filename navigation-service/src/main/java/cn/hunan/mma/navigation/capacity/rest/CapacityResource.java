package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.DepartmentKey;
import cn.hunan.mma.navigation.rest.RequestFields;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Live slots and beds of one department, from the in-memory capacity view. */
@Path("/api/v1/capacity/institutions/{institutionId}/departments/{departmentId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class CapacityResource {

    private final CapacityView view;
    private final InstitutionJurisdictions jurisdictions;
    private final CurrentCaller caller;

    public CapacityResource(CapacityView view, InstitutionJurisdictions jurisdictions, CurrentCaller caller) {
        this.view = view;
        this.jurisdictions = jurisdictions;
        this.caller = caller;
    }

    @GET
    public Uni<DepartmentCapacityView> department(@PathParam("institutionId") String institutionId,
                                                  @PathParam("departmentId") String departmentId,
                                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        // Malformed ids and bad dates throw ContractViolation naming the parameter: 400 problem+json.
        DepartmentKey department = new DepartmentKey(RequestFields.parsed("institutionId", institutionId, InstitutionId::of),
                RequestFields.parsed("departmentId", departmentId, DepartmentId::of));
        CapacityDateRange range = CapacityDateRange.parse(from, to);
        String what = "capacity of " + institutionId + "/" + departmentId;
        return jurisdictions.of(department.institutionId()).map(found -> {
            // Scope is checked before the view is read, so a 404 never tells an outsider more than a 403.
            AccessPolicy.requireSee(caller.get(), found.orElseThrow(() -> nothingFor(what)), what);
            var slots = view.slots(department, range.from(), range.to()).map(SlotsView::of);
            var beds = view.beds(department).map(BedsView::of);
            if (slots.isEmpty() && beds.isEmpty()) {
                throw nothingFor(what);
            }
            return new DepartmentCapacityView(institutionId, departmentId, range.from(), range.to(),
                    slots.orElse(null), beds.orElse(null));
        });
    }

    private static NotFoundException nothingFor(String what) {
        return new NotFoundException("no " + what);
    }
}
