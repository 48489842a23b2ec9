package com.alpha01.server.platform.api;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.release.ReleaseTarget;
import com.alpha01.protocol.release.Versions;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.release.ClientReleases;
import com.alpha01.server.platform.release.ReleasePolicy;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/client-release?target=linux-app-image&client=<id>&version=<v>}, unauthenticated (like health):
 * the merchant client release this server publishes for the app's target (D60): the newest and the minimum
 * version, the signed package when one is published, and whether this client is offered it yet (rollout).
 * Without a target, the Linux app-image's (what apps before targets were). Cacheable for five minutes per URL.
 */
@Path("/client-release")
public class ClientReleaseResource {

    private static final Logger LOG = Logger.getLogger(ClientReleaseResource.class);

    /** The build's version, from a resource Maven filters ({@code release.properties}). */
    static final String SERVER_VERSION = serverVersion();

    @Inject
    ClientReleases releases;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response release(@QueryParam("target") String target, @QueryParam("client") String client,
                            @QueryParam("version") String version) {
        ReleaseTarget t = target == null || target.isBlank() ? ReleaseTarget.LINUX_APP_IMAGE
                : ReleaseTarget.of(target).orElseThrow(() -> new DomainException(ErrorCode.BAD_FRAME,
                        "target is one of linux-app-image, linux-deb, windows-msi, macos-dmg"));
        ReleasePolicy p = releases.current(t, SERVER_VERSION);
        boolean below = version != null && Versions.valid(version) && Versions.compare(version, p.minimumVersion()) < 0;
        JsonObjectBuilder body = JSON.createObjectBuilder().add("target", t.id()).add("latest", p.version())
                .add("minimum", p.minimumVersion()).add("downloadUrl", p.packageUrl()).add("notes", p.notes())
                .add("rollout", p.rolloutPercent()).add("offered", p.hasPackage() && p.offeredTo(client, below));
        if (p.hasPackage()) {
            body.add("package", packageOf(p));
        }
        return Response.ok(body.build().toString()).header("Cache-Control", "public, max-age=300").build();
    }

    static JsonObject packageOf(ReleasePolicy p) {
        return JSON.createObjectBuilder().add("url", p.packageUrl()).add("sha256", p.sha256()).add("size", p.size())
                .add("signature", p.signature()).build();
    }

    private static String serverVersion() {
        Properties p = new Properties();
        try (InputStream in = ClientReleaseResource.class.getResourceAsStream("release.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            LOG.warnf("Build version not readable: %s", e.getMessage());
        }
        String version = p.getProperty("version", "");
        return version.isBlank() || version.startsWith("${") ? "0.0.0" : version.strip();
    }
}
