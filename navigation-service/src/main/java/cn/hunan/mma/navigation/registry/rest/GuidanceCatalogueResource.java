package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.navigation.registry.persistence.GuidanceCatalogueEntryEntity;
import cn.hunan.mma.navigation.registry.service.CatalogueEditing;
import cn.hunan.mma.navigation.registry.service.RegistryQueries;
import cn.hunan.mma.navigation.registry.service.RegistryWrites;
import cn.hunan.mma.navigation.rest.RequestFields;
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
 * The provincial guidance catalogue (住院病种引导目录), one entry per ICD-10 prefix. Every platform
 * role reads it (it is the same for the whole province); only province admins create and revise
 * entries, with one PUT: without If-Match it creates (201), an existing entry needs its current ETag.
 */
@Path("/api/v1/registry/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class GuidanceCatalogueResource {

    private final RegistryQueries queries;
    private final CatalogueEditing editing;
    private final CurrentCaller caller;

    public GuidanceCatalogueResource(RegistryQueries queries, CatalogueEditing editing, CurrentCaller caller) {
        this.queries = queries;
        this.editing = editing;
        this.caller = caller;
    }

    @GET
    @Path("/{code}")
    public Uni<Response> entry(@PathParam("code") String code) {
        Icd10Code prefix = RequestFields.parsed("icd10Prefix", code, Icd10Code::of);
        return queries.catalogueEntry(prefix.value()).map(found -> withVersion(Response.ok(),
                found.orElseThrow(() -> new NotFoundException("no guidance-catalogue entry " + prefix.value()))));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PROVINCE_ADMIN_NAME)
    public Uni<Response> put(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
                             CatalogueEntryRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body describing the catalogue entry is required");
        }
        Icd10Code prefix = RequestFields.parsed("icd10Prefix", code, Icd10Code::of);
        return editing.put(request.toEntry(prefix, Instant.now()), Versions.optional(ifMatch), caller.get())
                .map(GuidanceCatalogueResource::answer);
    }

    private static Response answer(RegistryWrites.Put<GuidanceCatalogueEntryEntity> put) {
        GuidanceCatalogueEntryEntity row = put.row();
        return withVersion(put.created()
                ? Response.created(URI.create("/api/v1/registry/catalogue/" + row.icd10Prefix()))
                : Response.ok(), row);
    }

    private static Response withVersion(Response.ResponseBuilder response, GuidanceCatalogueEntryEntity row) {
        return response.tag(Versions.tagOf(row)).entity(CatalogueEntryView.of(row)).type(MediaType.APPLICATION_JSON).build();
    }
}
