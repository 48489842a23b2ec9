package com.alpha01.server.merchant.api;

import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.Provisioning;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/v1/merchant/staff}, merchant admins only (web.xml): invite a colleague into their own shop. */
@Path("/merchant/staff")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    Provisioning provisioning;

    @POST
    public AdminResource.UserCreated invite(AdminResource.UserRequest r, @Context SecurityContext security) {
        AdminResource.require(r);
        return new AdminResource.UserCreated(provisioning.inviteStaff(Callers.require(security.getUserPrincipal()),
                r.username(), r.email(), AdminResource.password(r)), r.username());
    }
}
