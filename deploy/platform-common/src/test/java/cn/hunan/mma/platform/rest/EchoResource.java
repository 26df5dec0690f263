package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.Money;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** A resource of the test application only: answers the body it read, so a test sees what Jackson made of it. */
@Path("/test/echo")
@PermitAll
public class EchoResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Filing echo(Filing filing) {
        return filing;
    }

    /** A request body with a field of each kind a service's requests have. */
    public record Filing(String directory, List<String> tags, Map<String, String> labels, Money amount,
                         @TextOrNumber String budget) {
    }
}
