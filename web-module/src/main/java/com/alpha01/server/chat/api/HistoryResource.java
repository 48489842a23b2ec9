package com.alpha01.server.chat.api;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.application.HistoryService;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.platform.error.DomainException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/**
 * Paged history, newest first: {@code GET /api/v1/conversations/{id}/messages?before=&limit=} for
 * the merchant's staff and {@code GET /api/v1/customer/conversations/{id}/messages} for the customer.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    HistoryService history;

    @GET
    @Path("conversations/{id}/messages")
    public String forStaff(@PathParam("id") String id, @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit, @Context SecurityContext security) {
        return json(history.forStaff(Callers.require(security.getUserPrincipal()), uuid(id), before, limit), id);
    }

    @GET
    @Path("customer/conversations/{id}/messages")
    public String forCustomer(@PathParam("id") String id, @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit, @Context SecurityContext security) {
        String subject = Callers.require(security.getUserPrincipal()).subject();
        return json(history.forCustomer(subject, uuid(id), before, limit), id);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
    }

    private static String json(HistoryService.Page page, String conversationId) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        for (HistoryService.Entry m : page.newestFirst()) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("seq", m.seq()).add("sender", m.sender().name())
                    .add("text", m.text()).add("at", m.at().toString()).add("delivered", m.delivered());
            if (m.source() != null) {
                o.add("source", m.source());
            }
            messages.add(o);
        }
        JsonObjectBuilder body = JSON.createObjectBuilder().add("conversationId", conversationId).add("messages", messages);
        if (page.nextBefore() == null) {
            body.addNull("nextBefore");
        } else {
            body.add("nextBefore", page.nextBefore());
        }
        if (page.customerName() != null) {
            body.add("customer", page.customerName());
        }
        return body.build().toString();
    }
}
