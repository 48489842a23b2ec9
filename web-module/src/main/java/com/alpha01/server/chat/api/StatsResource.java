package com.alpha01.server.chat.api;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.server.chat.application.StatsService;
import com.alpha01.server.identity.api.Callers;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/merchant/stats}, merchant staff (web.xml): today's figures of the caller's own
 * shop, for the merchant client's dashboard. Never cached: the figures move with every message.
 */
@Path("/merchant/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    StatsService stats;

    @GET
    public Response today(@Context SecurityContext security) {
        StatsService.Today t = stats.today(Callers.require(security.getUserPrincipal()));
        String body = JSON.createObjectBuilder()
                .add("day", t.day().toString())
                .add("zone", t.zone().getId())
                .add("conversations", t.conversations())
                .add("customerMessages", t.customerMessages())
                .add("answered", t.answered())
                .add("answeredByBot", t.answeredByBot())
                .add("answeredByStaff", t.answeredByStaff())
                .add("aiAnswerRate", t.aiAnswerRate())
                .add("waitingForStaff", t.waitingForStaff())
                .add("openConversations", t.openConversations())
                .build().toString();
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }
}
