package com.alpha01.server.identity.api;

import com.alpha01.server.identity.application.AccountService;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/v1/me/sign-out-everywhere}, anyone signed in: ends all of the caller's
 * Keycloak sessions (a lost phone, a shared shop PC). Access tokens already issued run out
 * within their 5-minute lifetime; no refresh succeeds after this.
 */
@Path("/me")
public class MeResource {

    @Inject
    AccountService accounts;

    @POST
    @Path("/sign-out-everywhere")
    public Response signOutEverywhere(@Context SecurityContext security) {
        accounts.signOutEverywhere(Callers.require(security.getUserPrincipal()));
        return Response.noContent().build();
    }
}
