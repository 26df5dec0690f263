package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.navigation.registry.persistence.SpecialtyEntity;
import cn.hunan.mma.navigation.registry.service.RegistryJurisdictions;
import cn.hunan.mma.navigation.registry.service.RegistryQueries;
import cn.hunan.mma.navigation.registry.service.RegistryWrites;
import cn.hunan.mma.navigation.registry.service.SpecialtyEditing;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An institution's specialties, as far as the caller's scope reaches the institution; province
 * admins and city operators (institutions in their city) create and revise them with one PUT:
 * without If-Match it creates (201), an existing specialty needs its current ETag back (428 / 412).
 */
@Path("/api/v1/registry/institutions/{institutionId}/specialties")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class SpecialtyResource {

    private final RegistryQueries queries;
    private final SpecialtyEditing editing;
    private final CurrentCaller caller;

    public SpecialtyResource(RegistryQueries queries, SpecialtyEditing editing, CurrentCaller caller) {
        this.queries = queries;
        this.editing = editing;
        this.caller = caller;
    }

    @GET
    @Path("/{departmentId}")
    public Uni<Response> specialty(@PathParam("institutionId") String institutionId,
                                   @PathParam("departmentId") String departmentId) {
        return queries.institution(institutionId)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no institution " + institutionId)))
                .invoke(institution -> AccessPolicy.requireSee(caller.get(), RegistryJurisdictions.of(institution),
                        "institution " + institutionId))
                .chain(institution -> queries.specialty(institutionId, departmentId))
                .map(found -> withVersion(Response.ok(), found.orElseThrow(() -> new NotFoundException(
                        "no specialty " + departmentId + " at institution " + institutionId))));
    }

    @PUT
    @Path("/{departmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME})
    public Uni<Response> put(@PathParam("institutionId") String institutionId, @PathParam("departmentId") String departmentId,
                             @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch, SpecialtyRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body describing the specialty is required");
        }
        SpecialtyPath path = SpecialtyPath.of(institutionId, departmentId);
        return editing.put(request.toSnapshot(path, Instant.now()), Versions.optional(ifMatch), caller.get())
                .map(SpecialtyResource::answer);
    }

    private static Response answer(RegistryWrites.Put<SpecialtyEntity> put) {
        SpecialtyEntity row = put.row();
        return withVersion(put.created()
                ? Response.created(URI.create("/api/v1/registry/institutions/" + row.institutionId()
                        + "/specialties/" + row.departmentId()))
                : Response.ok(), row);
    }

    private static Response withVersion(Response.ResponseBuilder response, SpecialtyEntity row) {
        return response.tag(Versions.tagOf(row)).entity(SpecialtyView.of(row)).type(MediaType.APPLICATION_JSON).build();
    }
}
