package com.alpha01.server.chat.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.application.CustomerEntryService;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.qr.api.ConnectServlet;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/**
 * {@code POST /api/v1/customer/sessions}: the signed-in customer's chat page exchanges its scan
 * for a conversation and a one-time ticket for {@code /ws/customer}.
 */
@Path("/customer/sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerSessionResource {

    public record SessionRequest(String scan) {
    }

    public record Session(String conversationId, String merchantName, String ticket, String state) {
    }

    @Inject
    CustomerEntryService entry;

    @POST
    public Session open(SessionRequest request, @Context SecurityContext security,
            @CookieParam(ConnectServlet.ENTRY_COOKIE) String entryCookie) {
        String given = request == null || request.scan() == null || request.scan().isBlank() ? entryCookie
                : request.scan();
        UUID scan;
        try {
            scan = UUID.fromString(given == null ? "" : given);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.BAD_FRAME, "scan is missing or malformed; scan the QR code again");
        }
        CustomerEntryService.Entry e = entry.enter(scan, Callers.require(security.getUserPrincipal()));
        return new Session(e.conversationId().toString(), e.merchantName(), e.ticket(), e.state().name());
    }
}
