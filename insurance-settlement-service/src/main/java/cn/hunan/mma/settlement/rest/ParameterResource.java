package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.domain.parameters.AreaParameters;
import cn.hunan.mma.settlement.domain.parameters.ParameterViolation;
import cn.hunan.mma.settlement.service.ParameterService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Versions of a pilot area's settlement rules (area = a 6-digit county, city or province code).
 * Loading adds a version from its effective date on; stored versions never change, so every case,
 * budget and close that recorded a version id can be traced to the exact rules it used.
 */
@Path("/api/v1/parameters/{area}")
@Produces(MediaType.APPLICATION_JSON)
public class ParameterResource {

    private final ParameterService parameters;
    private final CurrentCaller caller;

    public ParameterResource(ParameterService parameters, CurrentCaller caller) {
        this.parameters = parameters;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.INSURANCE_OFFICER_NAME, Role.AUDITOR_NAME})
    public Uni<List<ParameterVersionView>> versions(@PathParam("area") String area) {
        DivisionCode where = area(area);
        AccessPolicy.requireSee(caller.get(), Jurisdiction.ofDivision(where), "area " + area);
        return parameters.versions(where.value()).map(rows -> rows.stream().map(ParameterVersionView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INSURANCE_OFFICER_NAME)
    public Uni<ParameterVersionView> load(@PathParam("area") String area, ParameterLoadRequest request) {
        DivisionCode where = area(area);
        AccessPolicy.requireChange(caller.get(), Jurisdiction.ofDivision(where), "area " + area);
        if (request == null || request.effectiveFrom() == null) {
            throw new ParameterViolation("effectiveFrom", "required (e.g. 2026-01-01)");
        }
        if (request.parameters() == null || !request.parameters().isObject()) {
            throw new ParameterViolation("parameters", "an object with budget, caseRules and closeRules is required");
        }
        AreaParameters checked = SettlementJson.readParameters(request.parameters());
        return parameters.load(where.value(), request.effectiveFrom(), checked, caller.get().subject())
                .map(ParameterVersionView::of);
    }

    @ServerExceptionMapper
    public Response invalid(ParameterViolation e) {
        return ProblemResponses.of(Problem.of(400, "Invalid parameters", e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response duplicate(ConstraintViolationException e) {
        return ProblemResponses.of(Problem.of(409, "Version exists",
                "the area already has a version effective from that date; versions are never replaced"));
    }

    private static DivisionCode area(String text) {
        DivisionCode code = DivisionCode.of(text);
        if (code.value().length() != 6) {
            throw new BadRequestException("area: a 6-digit county, city or province code is required");
        }
        return code;
    }
}
