package com.alpha01.server.platform.api;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.release.ReleaseTarget;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.release.ClientReleases;
import com.alpha01.server.platform.release.ReleasePolicy;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/admin/client-releases}, platform admins only (web.xml): every target's published release, and
 * {@code PUT …/{target}} to publish one ({@code version}, {@code minimumVersion}, {@code url}, {@code sha256},
 * {@code size}, {@code signature}, {@code rollout}, {@code notes}); a signature no trusted key made is
 * {@code BAD_SIGNATURE}, and nothing changes.
 */
@Path("/admin/client-releases")
@Produces(MediaType.APPLICATION_JSON)
public class ClientReleaseAdminResource {

    /** What the release tool printed, with the minimum version and the share of clients (default 100). */
    public record ReleaseRequest(String version, String minimumVersion, String url, String sha256, Long size,
                                 String signature, Integer rollout, String notes) {
    }

    @Inject
    ClientReleases releases;

    @GET
    public String all(@Context SecurityContext security) {
        Callers.require(security.getUserPrincipal());
        JsonArrayBuilder list = JSON.createArrayBuilder();
        releases.all(ClientReleaseResource.SERVER_VERSION).forEach(p -> list.add(json(p)));
        return JSON.createObjectBuilder().add("releases", list).build().toString();
    }

    @PUT
    @Path("/{target}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String publish(@PathParam("target") String target, ReleaseRequest r, @Context SecurityContext security) {
        var caller = Callers.require(security.getUserPrincipal());
        ReleaseTarget t = ReleaseTarget.of(target).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "no such target"));
        if (r == null) {
            throw new DomainException(ErrorCode.BAD_FRAME, "a release is needed");
        }
        ReleasePolicy request = new ReleasePolicy(t.id(), r.version(), r.minimumVersion(), r.url(), r.sha256(),
                r.size() == null ? 0 : r.size(), r.signature(), r.rollout() == null ? 100 : r.rollout(),
                r.notes(), null, null);
        return json(releases.publish(caller, t, request)).toString();
    }

    static JsonObject json(ReleasePolicy p) {
        var o = JSON.createObjectBuilder().add("target", p.target()).add("version", p.version())
                .add("minimumVersion", p.minimumVersion()).add("rollout", p.rolloutPercent()).add("notes", p.notes())
                .add("publishedBy", p.publishedBy() == null ? "" : p.publishedBy())
                .add("publishedAt", p.publishedAt() == null ? "" : p.publishedAt().toString());
        if (p.hasPackage()) {
            o.add("package", ClientReleaseResource.packageOf(p));
        }
        return o.build();
    }
}
