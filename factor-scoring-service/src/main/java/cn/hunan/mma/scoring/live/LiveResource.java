package cn.hunan.mma.scoring.live;

import cn.hunan.mma.platform.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Clock;

/**
 * {@code GET /api/v1/live/stream}: score and surplus changes as Server-Sent Events, only those the
 * caller's scope covers. Authenticated by the bearer header like the other APIs — the dashboard
 * reads it with fetch() because EventSource cannot send headers, so tokens never go into URLs.
 * Events: {@code hello} (once), {@code score}, {@code surplus}, {@code resync} (the client fell
 * behind; reload), and comment heartbeats.
 */
@Path("/api/v1/live/stream")
@RolesAllowed({"province-admin", "city-operator", "alliance-operator", "institution-user", "insurance-officer", "auditor"})
public class LiveResource {

    private final LiveHub hub;
    private final LiveSettings settings;
    private final CurrentCaller caller;

    public LiveResource(LiveHub hub, LiveSettings settings, CurrentCaller caller) {
        this.hub = hub;
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        LiveClient client = new LiveClient(caller.get(), sink, sse, settings.clientBuffer(), Clock.systemUTC());
        client.hello("{\"heartbeatSeconds\":" + settings.heartbeat().toSeconds() + ",\"buffer\":" + settings.clientBuffer() + "}");
        hub.register(client);
    }
}
