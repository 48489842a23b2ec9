package com.alpha01.server.merchant.api;

import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.ClientRegistrationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/v1/clients}: a merchant client registers itself (DESIGN.md flow 1). */
@Path("/clients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    /** {@code capacity}: optional, 1-500, the client's own cap on open conversations (absent: the server's). */
    public record RegisterRequest(String deviceId, String name, String version, Integer capacity) {
    }

    /** {@code capacity}: the open conversations this client takes now, its own cap within the server's. */
    public record Registration(String clientId, String merchantId, String merchantCode, String merchantName,
                               String staffName, int capacity) {
    }

    @Inject
    ClientRegistrationService registration;

    @POST
    public Registration register(RegisterRequest request, @Context SecurityContext security) {
        Caller staff = Callers.require(security.getUserPrincipal());
        RegisterRequest r = request == null ? new RegisterRequest(null, null, null, null) : request;
        ClientRegistrationService.Registered client = registration.register(staff, r.deviceId(), r.name(),
                r.version(), r.capacity());
        return new Registration(client.clientId().toString(), client.merchantId().toString(), client.merchantCode(),
                client.merchantName(), staff.displayName(), client.capacity());
    }
}
