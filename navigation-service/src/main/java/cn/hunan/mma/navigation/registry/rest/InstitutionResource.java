package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.navigation.registry.service.InstitutionEditing;
import cn.hunan.mma.navigation.registry.service.InstitutionFilter;
import cn.hunan.mma.navigation.registry.service.RegistryJurisdictions;
import cn.hunan.mma.navigation.registry.service.RegistryQueries;
import cn.hunan.mma.navigation.rest.RequestFields;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

import java.util.List;
import java.util.Optional;

/**
 * Institutions of the registry, as far as the caller's scope reaches; province admins and city
 * operators (their city only) register, revise and retire them. Reads carry an ETag; revising and
 * retiring require it back in If-Match.
 */
@Path("/api/v1/registry/institutions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class InstitutionResource {

    private final RegistryQueries queries;
    private final InstitutionEditing editing;
    private final CurrentCaller caller;

    public InstitutionResource(RegistryQueries queries, InstitutionEditing editing, CurrentCaller caller) {
        this.queries = queries;
        this.editing = editing;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public Uni<Response> institution(@PathParam("id") String id) {
        return queries.institution(id).map(found -> {
            var institution = found.orElseThrow(() -> new NotFoundException("no institution " + id));
            AccessPolicy.requireSee(caller.get(), RegistryJurisdictions.of(institution), "institution " + id);
            return withVersion(Response.ok(), institution);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME})
    public Uni<Response> register(InstitutionRequest request) {
        String id = requireBody(request).institutionId();
        return editing.register(request.toDraft(id), caller.get())
                .map(row -> withVersion(Response.created(URI.create("/api/v1/registry/institutions/" + row.id())), row));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME})
    public Uni<Response> revise(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
                                InstitutionRequest request) {
        RequestFields.requireSame("institutionId", requireBody(request).institutionId(), id);
        return editing.revise(request.toDraft(id), Versions.required(ifMatch), caller.get())
                .map(row -> withVersion(Response.ok(), row));
    }

    /** Retires the institution (published with {@code active: false}); it stays readable. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME})
    public Uni<Response> retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch) {
        return editing.retire(id, Versions.required(ifMatch), caller.get()).map(row -> withVersion(Response.ok(), row));
    }

    private static InstitutionRequest requireBody(InstitutionRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body describing the institution is required");
        }
        return request;
    }

    private static Response withVersion(Response.ResponseBuilder response, InstitutionEntity row) {
        return response.tag(Versions.tagOf(row)).entity(InstitutionView.of(row)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    public Uni<InstitutionPage> institutions(@QueryParam("division") String division, @QueryParam("level") String level,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        InstitutionFilter filter = filter(division, level, page, size);
        return queries.institutions(filter, caller.get().scope())
                .map(items -> new InstitutionPage(page, size, items.stream().map(InstitutionView::of).toList()));
    }

    /** A parameter out of its range is a ContractViolation naming it (the filter's own checks name page and size). */
    private static InstitutionFilter filter(String division, String level, int page, int size) {
        Optional<DivisionCode> within = present(division)
                .map(code -> RequestFields.parsed("division", code, DivisionCode::of));
        Optional<Level> at = present(level).map(name -> RequestFields.constant("level", name, Level.class));
        return new InstitutionFilter(within, at, page, size);
    }

    private static Optional<String> present(String parameter) {
        return Optional.ofNullable(parameter).filter(text -> !text.isBlank());
    }
}
