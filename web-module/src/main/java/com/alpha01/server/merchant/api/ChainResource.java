package com.alpha01.server.merchant.api;

import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.Provisioning;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code GET /api/v1/chain/merchants}, chain admins only (web.xml): the stores of their own chain. */
@Path("/chain")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    public record Store(String merchantId, String code, String name) {
    }

    @Inject
    Provisioning provisioning;

    @GET
    @Path("/merchants")
    public List<Store> merchants(@Context SecurityContext security) {
        return provisioning.chainMerchants(Callers.require(security.getUserPrincipal())).stream()
                .map(m -> new Store(m.merchantId().toString(), m.code(), m.name())).toList();
    }
}
