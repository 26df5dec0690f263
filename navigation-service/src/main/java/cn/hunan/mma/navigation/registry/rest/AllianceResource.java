package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.navigation.registry.service.RegistryJurisdictions;
import cn.hunan.mma.navigation.registry.service.RegistryQueries;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.OutOfScopeException;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Alliances of the registry, as far as the caller's scope reaches. */
@Path("/api/v1/registry/alliances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class AllianceResource {

    private final RegistryQueries queries;
    private final CurrentCaller caller;

    public AllianceResource(RegistryQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public Uni<AllianceView> alliance(@PathParam("id") String id) {
        return queries.alliance(id)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no alliance " + id)))
                .chain(alliance -> queries.institution(alliance.leadInstitutionId())
                        .map(lead -> requireVisible(alliance, lead.orElseThrow(
                                () -> new IllegalStateException("alliance lead missing from the registry")))));
    }

    private AllianceView requireVisible(AllianceEntity alliance, InstitutionEntity lead) {
        boolean visible = RegistryJurisdictions.of(alliance, lead.divisionCode()).stream()
                .anyMatch(jurisdiction -> AccessPolicy.maySee(caller.get(), jurisdiction));
        if (!visible) {
            throw new OutOfScopeException("alliance " + alliance.id() + " is outside the caller's scope");
        }
        return AllianceView.of(alliance);
    }
}
