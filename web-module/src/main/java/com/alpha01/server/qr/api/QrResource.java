package com.alpha01.server.qr.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.platform.DomainException;
import com.alpha01.server.platform.api.EdgeConfig;
import com.alpha01.server.qr.application.QrService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** {@code POST /api/v1/qr-codes}: a merchant's staff create a QR code (DESIGN.md flow 2). */
@Path("/qr-codes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QrResource {

    /** All optional: bind to one client, a label, validity in seconds, a use limit. */
    public record CreateRequest(String clientId, String label, Long validForSeconds, Integer maxUses) {
    }

    /** The token is only ever shown here, inside {@code url}; {@code png} is Base64. */
    public record Created(String id, String url, String png, String expiresAt) {
    }

    @Inject
    QrService qr;

    @POST
    public Response create(CreateRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        CreateRequest r = request == null ? new CreateRequest(null, null, null, null) : request;
        UUID clientId = r.clientId() == null ? null : parse(r.clientId());
        Duration validFor = r.validForSeconds() == null ? null : Duration.ofSeconds(r.validForSeconds());
        String base = EdgeConfig.publicUrl(uri.getBaseUri().resolve("/").toString());
        QrService.CreatedQr created = qr.create(Callers.require(security.getUserPrincipal()), clientId, r.label(),
                validFor, r.maxUses(), base);
        return Response.status(Response.Status.CREATED).entity(new Created(created.id().toString(), created.url(),
                Base64.getEncoder().encodeToString(created.png()),
                created.expiresAt() == null ? null : created.expiresAt().toString())).build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.BAD_FRAME, "clientId is not a UUID");
        }
    }
}
