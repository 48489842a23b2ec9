package com.alpha01.server.analytics.api;

import com.alpha01.server.analytics.application.Stores;
import com.alpha01.server.identity.api.Callers;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/stores}: the stores the caller runs with their live state (platform admins: every
 * shop; chain admins: their chain's; merchant admins: their own), for the web console.
 */
@Path("/stores")
@Produces(MediaType.APPLICATION_JSON)
public class StoresResource {

    @Inject
    Stores stores;

    @Inject
    LiveStores live;

    @GET
    public Response visible(@Context SecurityContext security) {
        return Response.ok(stores.visible(Callers.require(security.getUserPrincipal())))
                .header("Cache-Control", "no-store").build();
    }

    /** The same, pushed: an event {@code stores} at once and whenever it changes (server-sent events). */
    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        live.follow(Callers.require(security.getUserPrincipal()), sink, sse);
    }
}
