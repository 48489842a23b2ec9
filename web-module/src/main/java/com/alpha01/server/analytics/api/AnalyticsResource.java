package com.alpha01.server.analytics.api;

import com.alpha01.server.analytics.application.Analytics;
import com.alpha01.server.identity.api.Callers;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The figures of a period (docs/analytics.md): {@code GET /api/v1/analytics/shop} for staff and admins
 * (a chain admin names a store of the chain with {@code merchant}, a platform admin any shop) and
 * {@code GET /api/v1/analytics/chain} for chain admins. {@code from} and {@code to} are ISO dates, both
 * included (default: the last 7 days). Another chain's or shop's code answers 404, as an unknown one.
 */
@Path("/analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    @Inject
    Analytics analytics;

    @GET
    @Path("/shop")
    public Response shop(@QueryParam("merchant") String merchant, @QueryParam("from") String from,
                         @QueryParam("to") String to, @Context SecurityContext security) {
        return fresh(analytics.shop(Callers.require(security.getUserPrincipal()), merchant, from, to));
    }

    @GET
    @Path("/chain")
    public Response chain(@QueryParam("from") String from, @QueryParam("to") String to,
                          @Context SecurityContext security) {
        return fresh(analytics.chain(Callers.require(security.getUserPrincipal()), from, to));
    }

    /** Figures move with every conversation: never cached. */
    private static Response fresh(Object entity) {
        return Response.ok(entity).header("Cache-Control", "no-store").build();
    }
}
