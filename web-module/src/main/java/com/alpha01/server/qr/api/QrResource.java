package com.alpha01.server.qr.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.qr.application.QrService;
import com.alpha01.server.qr.application.QrView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/qr-codes}: a merchant's staff create, list, revoke, re-issue and print QR codes
 * (DESIGN.md flow 2). Only the caller's merchant's codes; the token appears only in a created
 * code's {@code url}. With {@code ?merchant=<code>} an admin acts on a store they manage (the web console):
 * a merchant admin their own, a chain admin the chain's, a platform admin any; another store is 404.
 */
@Path("/qr-codes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QrResource {

    /** All optional: bind to one client, a label, a scene/store tag, validity in seconds, a use limit. */
    public record CreateRequest(String clientId, String label, String scene, Long validForSeconds, Integer maxUses) {
    }

    /** {@code png} is Base64; {@code svg} the markup. */
    public record Created(String id, String url, String png, String svg, String expiresAt) {
    }

    /** Draw the code of {@code url} again: {@code png}, {@code svg} or {@code sheet} (printable A4 page). */
    public record RenderRequest(String url, String format) {
    }

    @Inject
    QrService qr;

    @POST
    public Response create(CreateRequest request, @QueryParam("merchant") String store, @Context SecurityContext security,
                           @Context UriInfo uri) {
        CreateRequest r = request == null ? new CreateRequest(null, null, null, null, null) : request;
        if (r.validForSeconds() != null && r.validForSeconds() <= 0) {
            throw new DomainException(ErrorCode.BAD_FRAME, "validForSeconds must be positive");
        }
        QrService.CreatedQr created = qr.create(Callers.require(security.getUserPrincipal()), store,
                new QrService.QrRequest(r.clientId() == null ? null : parse(r.clientId()), r.label(), r.scene(),
                        r.validForSeconds() == null ? null : Duration.ofSeconds(r.validForSeconds()), r.maxUses()),
                base(uri));
        return created(created);
    }

    @GET
    public List<QrView> list(@QueryParam("merchant") String store, @Context SecurityContext security) {
        return qr.list(Callers.require(security.getUserPrincipal()), store);
    }

    @GET
    @Path("/{id}")
    public QrView get(@PathParam("id") String id, @QueryParam("merchant") String store,
                      @Context SecurityContext security) {
        return qr.get(Callers.require(security.getUserPrincipal()), store, parse(id));
    }

    @POST
    @Path("/{id}/revoke")
    public QrView revoke(@PathParam("id") String id, @QueryParam("merchant") String store,
                         @Context SecurityContext security) {
        return qr.revoke(Callers.require(security.getUserPrincipal()), store, parse(id));
    }

    @POST
    @Path("/{id}/reissue")
    public Response reissue(@PathParam("id") String id, @QueryParam("merchant") String store,
                            @Context SecurityContext security, @Context UriInfo uri) {
        return created(qr.reissue(Callers.require(security.getUserPrincipal()), store, parse(id), base(uri)));
    }

    @POST
    @Path("/render")
    @Produces({"image/png", "image/svg+xml", "text/html", MediaType.APPLICATION_JSON})
    public Response render(RenderRequest request, @QueryParam("merchant") String store, @Context SecurityContext security,
                           @Context UriInfo uri) {
        if (request == null || request.url() == null) {
            throw new DomainException(ErrorCode.BAD_FRAME, "url is required");
        }
        QrService.Rendered rendered = qr.render(Callers.require(security.getUserPrincipal()), store, request.url(),
                request.format(), base(uri));
        return Response.ok(rendered.body(), rendered.mediaType()).build();
    }

    private static Response created(QrService.CreatedQr created) {
        return Response.status(Response.Status.CREATED).entity(new Created(created.id().toString(), created.url(),
                Base64.getEncoder().encodeToString(created.png()), created.svg(),
                created.expiresAt() == null ? null : created.expiresAt().toString())).build();
    }

    private static String base(UriInfo uri) {
        return ServerConfig.publicUrl().orElseGet(() -> uri.getBaseUri().resolve("/").toString());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.BAD_FRAME, "the id is not a UUID");
        }
    }
}
