package com.alpha01.server.merchant.api;

import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.WelcomeLines;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET|PUT /api/v1/merchant/welcome-line}, merchant admins only (web.xml): the line the shop
 * opens an empty chat with. The body and the answer are {@code {"welcomeLine": …}} (null or blank:
 * the default); the answer adds {@code shown}, what customers see. A line over 200 characters or
 * of more than one line is {@code 400 BAD_TEXT}.
 */
@Path("/merchant/welcome-line")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WelcomeLineResource {

    public record WelcomeLineBody(String welcomeLine) {
    }

    public record WelcomeLineView(String welcomeLine, String shown) {
    }

    @Inject
    WelcomeLines lines;

    @GET
    public WelcomeLineView get(@Context SecurityContext security) {
        return view(lines.of(Callers.require(security.getUserPrincipal())));
    }

    @PUT
    public WelcomeLineView set(WelcomeLineBody body, @Context SecurityContext security) {
        AdminResource.require(body);
        return view(lines.set(Callers.require(security.getUserPrincipal()), body.welcomeLine()));
    }

    private static WelcomeLineView view(WelcomeLines.WelcomeLine line) {
        return new WelcomeLineView(line.custom(), line.shown());
    }
}
