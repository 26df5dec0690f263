package cn.hunan.mma.scoring.live;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The dashboard is a directory of static files, served at {@code /dashboard/}: the address typed or linked
 * without its slash was a 404 (helper-104, on the running stack). It now redirects to the directory, keeping the
 * query ({@code ?period=2025-03}). The target is relative ({@code dashboard/}), so the redirect also holds
 * behind a proxy that serves the service under a path of its own.
 */
@Singleton
public class DashboardAddress {

    static final String WITHOUT_SLASH = "/dashboard";

    void register(@Observes Router router) {
        // A regular expression matches the whole path: a plain route for "/dashboard" would also take "/dashboard/".
        router.routeWithRegex(HttpMethod.GET, WITHOUT_SLASH).handler(DashboardAddress::toDirectory);
        router.routeWithRegex(HttpMethod.HEAD, WITHOUT_SLASH).handler(DashboardAddress::toDirectory);
    }

    static void toDirectory(RoutingContext context) {
        String query = context.request().query();
        context.response()
                .setStatusCode(301)
                .putHeader(HttpHeaders.LOCATION, "dashboard/" + (query == null || query.isEmpty() ? "" : "?" + query))
                .end();
    }
}
