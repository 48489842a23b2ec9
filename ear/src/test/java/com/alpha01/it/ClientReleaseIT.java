package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/client-release} without sign-in: the release the server publishes for the
 * merchant client's update check. The ITs' WildFly runs with {@code ALPHA01_CLIENT_LATEST_VERSION=9.9.0}
 * (ear/pom.xml) and nothing else set, so the other fields show their defaults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientReleaseIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void the_published_release_comes_from_the_environment_and_defaults_to_the_servers_version() throws Exception {
        HttpResponse<String> r = Customers.NO_REDIRECTS.send(HttpRequest.newBuilder(
                TestEnvironment.serverUri().resolve("/api/v1/client-release")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"),
                r.headers().toString());
        JsonObject release = Customers.json(r.body());
        assertEquals(Set.of("latest", "minimum", "downloadUrl", "notes"), release.keySet());
        assertEquals("9.9.0", release.getString("latest"), "ALPHA01_CLIENT_LATEST_VERSION is read");
        assertEquals(System.getProperty("alpha01.project.version"), release.getString("minimum"),
                "without ALPHA01_CLIENT_MINIMUM_VERSION, the server's own version");
        assertEquals("", release.getString("downloadUrl"));
        assertEquals("", release.getString("notes"));
    }
}
