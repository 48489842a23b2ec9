package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.devstack.TokenClient;
import com.alpha01.protocol.release.ReleaseSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The merchant client release the server publishes (D60). Without sign-in, {@code GET /api/v1/client-release}:
 * the ITs' WildFly runs with {@code ALPHA01_CLIENT_LATEST_VERSION=9.9.0} (ear/pom.xml) and nothing else set for
 * the default target. A platform admin publishes a signed package for {@code macos-dmg} (no other IT asks for that
 * target), signed with the ITs' test key, which the server trusts through {@code ALPHA01_UPDATE_PUBLIC_KEYS}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientReleaseIT {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

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
        assertEquals(Set.of("target", "latest", "minimum", "downloadUrl", "notes", "rollout", "offered"), release.keySet());
        assertEquals("linux-app-image", release.getString("target"));
        assertEquals("9.9.0", release.getString("latest"), "ALPHA01_CLIENT_LATEST_VERSION is read");
        assertEquals(System.getProperty("alpha01.project.version"), release.getString("minimum"),
                "without ALPHA01_CLIENT_MINIMUM_VERSION, the server's own version");
        assertEquals("", release.getString("downloadUrl"));
        assertFalse(release.getBoolean("offered"), "nothing to download");
        assertEquals(400, publicGet("?target=solaris").statusCode());
    }

    @Test
    void a_platform_admin_publishes_a_signed_package_and_a_wrong_signature_or_a_staff_member_changes_nothing()
            throws Exception {
        String admin = TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client", "demo-admin",
                "Demo-admin-2026".toCharArray());
        String version = "9.9." + (System.currentTimeMillis() % 100_000);
        String signature = ReleaseSignature.sign(testKey(), "macos-dmg", version, SHA);
        String body = release(version, signature, 0);

        HttpResponse<String> forged = Rest.put(admin, "/api/v1/admin/client-releases/macos-dmg",
                release(version, ReleaseSignature.sign(testKey(), "macos-dmg", version + "1", SHA), 100));
        assertEquals(400, forged.statusCode(), forged.body());
        assertEquals("BAD_SIGNATURE", Customers.json(forged.body()).getString("error"));
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            assertEquals(403, Rest.put(staff.get(), "/api/v1/admin/client-releases/macos-dmg", body).statusCode());
        }
        assertEquals(404, Rest.put(admin, "/api/v1/admin/client-releases/solaris", body).statusCode());

        HttpResponse<String> published = Rest.put(admin, "/api/v1/admin/client-releases/macos-dmg", body);
        assertEquals(200, published.statusCode(), published.body());
        assertEquals("demo-admin", Customers.json(published.body()).getString("publishedBy"));
        JsonObject mac = Customers.json(publicGet("?target=macos-dmg&client=" + UUID.randomUUID() + "&version=9.0.0")
                .body());
        assertEquals(version, mac.getString("latest"));
        assertEquals(SHA, mac.getJsonObject("package").getString("sha256"));
        assertEquals(signature, mac.getJsonObject("package").getString("signature"));
        assertEquals(4, mac.getJsonObject("package").getInt("size"));
        assertFalse(mac.getBoolean("offered"), "a rollout of 0% offers it to nobody above the minimum");
        JsonObject old = Customers.json(publicGet("?target=macos-dmg&client=" + UUID.randomUUID() + "&version=0.0.1")
                .body());
        assertTrue(old.getBoolean("offered"), "a client below the minimum is always offered it");

        JsonObject all = Customers.json(Rest.get(admin, "/api/v1/admin/client-releases").body());
        assertEquals(4, all.getJsonArray("releases").size());
        assertTrue(all.getJsonArray("releases").stream().map(JsonObject.class::cast)
                .anyMatch(o -> o.getString("target").equals("macos-dmg") && o.getString("version").equals(version)));
    }

    @Test
    void admins_publishing_a_targets_first_release_at_the_same_instant_all_succeed_and_one_of_them_stands()
            throws Exception {
        // linux-deb: no other IT publishes it, so these requests race for the target's first row.
        String admin = TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client", "demo-admin",
                "Demo-admin-2026".toCharArray());
        String base = "9.8." + (System.currentTimeMillis() % 10_000) + "0";
        List<String> versions = IntStream.range(0, 6).mapToObj(i -> base + i).toList();
        CyclicBarrier start = new CyclicBarrier(versions.size());
        ExecutorService pool = Executors.newFixedThreadPool(versions.size());
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String v : versions) {
                String body = release(v, ReleaseSignature.sign(testKey(), "linux-deb", v, SHA), 100);
                sent.add(pool.submit(() -> {
                    start.await();
                    return Rest.put(admin, "/api/v1/admin/client-releases/linux-deb", body);
                }));
            }
            for (Future<HttpResponse<String>> f : sent) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject deb = Customers.json(publicGet("?target=linux-deb&client=" + UUID.randomUUID() + "&version=0.0.1")
                .body());
        assertTrue(versions.contains(deb.getString("latest")), deb.toString());
        String latest = deb.getString("latest");
        // Ed25519 signatures are deterministic: the stored one is that request's own, not a mix of two requests.
        assertEquals(ReleaseSignature.sign(testKey(), "linux-deb", latest, SHA),
                deb.getJsonObject("package").getString("signature"));
        assertTrue(deb.getString("downloadUrl").contains(latest), deb.toString());
    }

    private static String release(String version, String signature, int rollout) {
        return Json.createObjectBuilder().add("version", version).add("minimumVersion", "0.1.0")
                .add("url", "https://dl.alpha01.example/alpha01-merchant-" + version + ".dmg").add("sha256", SHA)
                .add("size", 4).add("signature", signature).add("rollout", rollout).add("notes", "修复若干问题")
                .build().toString();
    }

    private static HttpResponse<String> publicGet(String query) throws Exception {
        return Customers.NO_REDIRECTS.send(HttpRequest.newBuilder(
                TestEnvironment.serverUri().resolve("/api/v1/client-release" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static PrivateKey testKey() throws Exception {
        try (InputStream in = ClientReleaseIT.class.getResourceAsStream("/release-test.key")) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return ReleaseSignature.privateKey(text.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .findFirst().orElseThrow());
        }
    }
}
