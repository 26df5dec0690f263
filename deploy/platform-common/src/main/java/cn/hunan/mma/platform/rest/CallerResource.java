package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Served by every service: lets an operator check what a token grants before calling the real APIs.
 */
@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "caller", description = "What the caller's token grants")
public class CallerResource {

    private final CurrentCaller caller;

    public CallerResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's subject, roles and scope")
    public CallerView me() {
        return CallerView.of(caller.get());
    }

    @GET
    @Path("/divisions/{divisionCode}")
    @Operation(summary = "Whether the caller may see entities in a division; 403 when outside its scope")
    public Map<String, Object> division(@PathParam("divisionCode") String divisionCode) {
        Jurisdiction division = DivisionPath.parse(divisionCode);
        AccessPolicy.requireSee(caller.get(), division, "division " + divisionCode);
        return Map.of("divisionCode", divisionCode, "visible", true,
                "changeable", AccessPolicy.mayChange(caller.get(), division));
    }

    /** The caller as JSON; absent scope claims are left out. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record CallerView(String subject, SortedSet<String> roles, Optional<String> province,
                             Optional<String> city, Optional<String> alliance, Optional<String> institution) {
        static CallerView of(Caller caller) {
            SortedSet<String> roles = new TreeSet<>();
            caller.roles().stream().map(Role::claimValue).forEach(roles::add);
            var scope = caller.scope();
            return new CallerView(caller.subject(), roles, scope.province().map(DivisionCode::value),
                    scope.city().map(DivisionCode::value), scope.alliance(), scope.institution());
        }
    }
}
