package com.alpha01.server.platform.api;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/client-release}, unauthenticated (like health): the merchant client release
 * this server publishes, for the desktop app's update check. From {@code ALPHA01_CLIENT_LATEST_VERSION},
 * {@code …_MINIMUM_VERSION}, {@code …_DOWNLOAD_URL} and {@code …_RELEASE_NOTES}; the versions default
 * to the server's own build version, the URL and notes to empty. Cacheable for five minutes.
 */
@Path("/client-release")
public class ClientReleaseResource {

    private static final Logger LOG = Logger.getLogger(ClientReleaseResource.class);

    /** The build's version, from a resource Maven filters ({@code release.properties}). */
    static final String SERVER_VERSION = serverVersion();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response release() {
        String body = JSON.createObjectBuilder()
                .add("latest", ServerConfig.clientRelease("latest.version").orElse(SERVER_VERSION))
                .add("minimum", ServerConfig.clientRelease("minimum.version").orElse(SERVER_VERSION))
                .add("downloadUrl", ServerConfig.clientRelease("download.url").orElse(""))
                .add("notes", ServerConfig.clientRelease("release.notes").orElse(""))
                .build().toString();
        return Response.ok(body).header("Cache-Control", "public, max-age=300").build();
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
