package com.alpha01.server.merchant.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.Provisioning;
import com.alpha01.server.platform.error.DomainException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/admin}, platform admins only (web.xml): provision store chains, merchants, their
 * staff and chain admins in Keycloak and here. Every call is idempotent.
 */
@Path("/admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public record ChainRequest(String code, String name) {
    }

    public record MerchantRequest(String code, String name, String chainCode) {
    }

    /** {@code password} optional: without it the user sets one through Keycloak's required actions. */
    public record UserRequest(String username, String email, String password, Boolean admin) {
    }

    public record UserCreated(String userId, String username) {
    }

    @Inject
    Provisioning provisioning;

    @POST
    @Path("/chains")
    public Provisioning.Outcome chain(ChainRequest r, @Context SecurityContext security) {
        Callers.require(security.getUserPrincipal());
        require(r);
        return provisioning.createChain(r.code(), r.name());
    }

    @POST
    @Path("/merchants")
    public Provisioning.Outcome merchant(MerchantRequest r, @Context SecurityContext security) {
        Callers.require(security.getUserPrincipal());
        require(r);
        return provisioning.createMerchant(r.code(), r.name(), r.chainCode());
    }

    @POST
    @Path("/merchants/{code}/staff")
    public UserCreated staff(@PathParam("code") String code, UserRequest r, @Context SecurityContext security) {
        Callers.require(security.getUserPrincipal());
        require(r);
        return new UserCreated(provisioning.createStaff(code, r.username(), r.email(), password(r),
                Boolean.TRUE.equals(r.admin())), r.username());
    }

    @POST
    @Path("/chains/{code}/admins")
    public UserCreated chainAdmin(@PathParam("code") String code, UserRequest r, @Context SecurityContext security) {
        Callers.require(security.getUserPrincipal());
        require(r);
        return new UserCreated(provisioning.createChainAdmin(code, r.username(), r.email(), password(r)), r.username());
    }

    static char[] password(UserRequest r) {
        return r.password() == null ? null : r.password().toCharArray();
    }

    static void require(Object body) {
        if (body == null) {
            throw new DomainException(ErrorCode.BAD_FRAME, "a JSON body is required");
        }
    }
}
