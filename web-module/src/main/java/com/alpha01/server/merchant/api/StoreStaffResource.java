package com.alpha01.server.merchant.api;

import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.StoreStaff;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code /api/v1/stores/{code}/staff}, the staff of a store its admins manage (the web console): list, add,
 * disable, enable, and a temporary password ({@code reset-password} answers it once, {@code no-store}).
 * Another store, or a member of another store, is 404.
 */
@Path("/stores/{code}/staff")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StoreStaffResource {

    /** The temporary password, shown once to the admin who asked. */
    public record TemporaryPassword(String userId, String password) {
    }

    @Inject
    StoreStaff staff;

    @GET
    public List<StoreStaff.Member> list(@PathParam("code") String code, @Context SecurityContext security) {
        return staff.list(Callers.require(security.getUserPrincipal()), code);
    }

    @POST
    public AdminResource.UserCreated add(@PathParam("code") String code, AdminResource.UserRequest r,
                                         @Context SecurityContext security) {
        AdminResource.require(r);
        return new AdminResource.UserCreated(staff.add(Callers.require(security.getUserPrincipal()), code, r.username(),
                r.email(), AdminResource.password(r), Boolean.TRUE.equals(r.admin())), r.username());
    }

    @POST
    @Path("/{id}/disable")
    public Response disable(@PathParam("code") String code, @PathParam("id") String id,
                            @Context SecurityContext security) {
        staff.setEnabled(Callers.require(security.getUserPrincipal()), code, id, false);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    public Response enable(@PathParam("code") String code, @PathParam("id") String id, @Context SecurityContext security) {
        staff.setEnabled(Callers.require(security.getUserPrincipal()), code, id, true);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/reset-password")
    public Response resetPassword(@PathParam("code") String code, @PathParam("id") String id,
                                  @Context SecurityContext security) {
        char[] password = staff.resetPassword(Callers.require(security.getUserPrincipal()), code, id);
        return Response.ok(new TemporaryPassword(id, new String(password))).header("Cache-Control", "no-store").build();
    }
}
