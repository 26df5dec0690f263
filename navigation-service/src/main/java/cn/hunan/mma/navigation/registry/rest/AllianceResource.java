package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.navigation.registry.service.AllianceEditing;
import cn.hunan.mma.navigation.registry.service.RegistryJurisdictions;
import cn.hunan.mma.navigation.registry.service.RegistryQueries;
import cn.hunan.mma.navigation.rest.RequestFields;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.OutOfScopeException;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * Alliances of the registry, as far as the caller's scope reaches; province admins and city
 * operators (alliances within their city) form, revise and dissolve them, with ETag / If-Match versions.
 */
@Path("/api/v1/registry/alliances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class AllianceResource {

    private final RegistryQueries queries;
    private final AllianceEditing editing;
    private final CurrentCaller caller;

    public AllianceResource(RegistryQueries queries, AllianceEditing editing, CurrentCaller caller) {
        this.queries = queries;
        this.editing = editing;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public Uni<Response> alliance(@PathParam("id") String id) {
        return queries.alliance(id)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no alliance " + id)))
                .chain(alliance -> queries.institution(alliance.leadInstitutionId())
                        .map(lead -> requireVisible(alliance, lead.orElseThrow(
                                () -> new IllegalStateException("alliance lead missing from the registry")))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME})
    public Uni<Response> form(AllianceRequest request) {
        String id = requireBody(request).allianceId();
        return editing.form(request.toSnapshot(id), caller.get())
                .map(row -> withVersion(Response.created(URI.create("/api/v1/registry/alliances/" + row.id())), row));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME})
    public Uni<Response> revise(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
                                AllianceRequest request) {
        RequestFields.requireSame("allianceId", requireBody(request).allianceId(), id);
        return editing.revise(request.toSnapshot(id), Versions.required(ifMatch), caller.get())
                .map(row -> withVersion(Response.ok(), row));
    }

    /**
     * Dissolves the alliance (its members, the lead included, leave it); it stays readable, shown
     * {@code dissolved}. Dissolving a dissolved alliance changes nothing and answers its current state.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME})
    public Uni<Response> dissolve(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch) {
        return editing.dissolve(id, Versions.required(ifMatch), caller.get()).map(row -> withVersion(Response.ok(), row));
    }

    private static AllianceRequest requireBody(AllianceRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body describing the alliance is required");
        }
        return request;
    }

    private static Response withVersion(Response.ResponseBuilder response, AllianceEntity row) {
        return response.tag(Versions.tagOf(row)).entity(AllianceView.of(row)).type(MediaType.APPLICATION_JSON).build();
    }

    private Response requireVisible(AllianceEntity alliance, InstitutionEntity lead) {
        boolean visible = RegistryJurisdictions.of(alliance, lead.divisionCode()).stream()
                .anyMatch(jurisdiction -> AccessPolicy.maySee(caller.get(), jurisdiction));
        if (!visible) {
            throw new OutOfScopeException("alliance " + alliance.id() + " is outside the caller's scope");
        }
        return withVersion(Response.ok(), alliance);
    }
}
