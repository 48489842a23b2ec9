package com.alpha01.server.identity.api;

import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.application.AccountService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/me}: who is signed in. {@code POST /api/v1/me/sign-out-everywhere}, anyone signed in: ends all of the caller's
 * Keycloak sessions (a lost phone, a shared shop PC). Access tokens already issued run out
 * within their 5-minute lifetime; no refresh succeeds after this.
 */
@Path("/me")
public class MeResource {

    @Inject
    AccountService accounts;

    /** Who is signed in, as the web console needs to know it: name, the app's roles, shop and chain. */
    public record Me(String displayName, List<String> roles, String merchant, String chain) {
    }

    /** {@code GET /api/v1/me}: the caller's own name, roles, shop and chain (no tokens, no ids of others). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context SecurityContext security) {
        Caller caller = Callers.require(security.getUserPrincipal());
        List<String> roles = Stream.of("customer", "merchant-staff", "merchant-admin",
                "chain-admin", "platform-admin").filter(caller::hasRole).toList();
        return Response.ok(new Me(caller.displayName(), roles, caller.merchantCode().orElse(null),
                caller.chainCode().orElse(null))).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/sign-out-everywhere")
    public Response signOutEverywhere(@Context SecurityContext security) {
        accounts.signOutEverywhere(Callers.require(security.getUserPrincipal()));
        return Response.noContent().build();
    }
}
