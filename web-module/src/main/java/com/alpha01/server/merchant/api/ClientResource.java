package com.alpha01.server.merchant.api;

import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.ClientRegistrationService;
import com.alpha01.server.merchant.domain.MerchantClient;
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

    public record RegisterRequest(String deviceId, String name, String version) {
    }

    public record Registration(String clientId, String merchantId, String merchantCode, String merchantName,
                               String staffName) {
    }

    @Inject
    ClientRegistrationService registration;

    @POST
    public Registration register(RegisterRequest request, @Context SecurityContext security) {
        Caller staff = Callers.require(security.getUserPrincipal());
        RegisterRequest r = request == null ? new RegisterRequest(null, null, null) : request;
        MerchantClient client = registration.register(staff, r.deviceId(), r.name(), r.version());
        return new Registration(client.id().toString(), client.merchant().id().toString(),
                client.merchant().code(), client.merchant().name(), staff.displayName());
    }
}
