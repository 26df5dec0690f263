package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.service.InstitutionFilter;
import cn.hunan.mma.navigation.registry.service.RegistryJurisdictions;
import cn.hunan.mma.navigation.registry.service.RegistryQueries;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.Optional;

/** Institutions of the registry, as far as the caller's scope reaches. */
@Path("/api/v1/registry/institutions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PROVINCE_ADMIN_NAME, Role.CITY_OPERATOR_NAME, Role.ALLIANCE_OPERATOR_NAME,
        Role.INSTITUTION_USER_NAME, Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
public class InstitutionResource {

    private final RegistryQueries queries;
    private final CurrentCaller caller;

    public InstitutionResource(RegistryQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public Uni<InstitutionView> institution(@PathParam("id") String id) {
        return queries.institution(id).map(found -> {
            var institution = found.orElseThrow(() -> new NotFoundException("no institution " + id));
            AccessPolicy.requireSee(caller.get(), RegistryJurisdictions.of(institution), "institution " + id);
            return InstitutionView.of(institution);
        });
    }

    @GET
    public Uni<InstitutionPage> institutions(@QueryParam("division") String division, @QueryParam("level") String level,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        InstitutionFilter filter = filter(division, level, page, size);
        return queries.institutions(filter, caller.get().scope())
                .map(items -> new InstitutionPage(page, size, items.stream().map(InstitutionView::of).toList()));
    }

    private static InstitutionFilter filter(String division, String level, int page, int size) {
        // A malformed division throws ContractViolation, which the platform maps to 400 problem+json.
        Optional<DivisionCode> within = present(division).map(DivisionCode::of);
        try {
            return new InstitutionFilter(within, present(level).map(InstitutionResource::level), page, size);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Level level(String name) {
        return Arrays.stream(Level.values()).filter(level -> level.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadRequestException("level must be one of " + Arrays.toString(Level.values())));
    }

    private static Optional<String> present(String parameter) {
        return Optional.ofNullable(parameter).filter(text -> !text.isBlank());
    }
}
