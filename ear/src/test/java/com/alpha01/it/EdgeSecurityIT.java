package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerTrust;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's probe at the HTTP edge (D43): a staff member's browser cookie cannot drive the staff
 * APIs (the cross-site revoke it found), the chat page's cookie API refuses other sites, and every
 * refusal — at the edge or by the container — is the documented JSON, never a redirect or HTML.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EdgeSecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_staff_members_session_cookie_cannot_revoke_a_code_from_another_site() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-csrf-" + UUID.randomUUID(), "IT CSRF", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "csrf");
            BrowserSignIn.Signed browser = BrowserSignIn.signIn("demo-staff", TestEnvironment.STAFF_PASSWORD);
            // Every account may open the chat page (new accounts get the customer role): the browser now holds
            // a signed-in session cookie of a staff member, as in the probe.
            assertEquals(200, browser.landed().statusCode(), browser.trail() + " " + browser.landed().body());

            // The probe's request: a foreign Origin, no body, no content type, the signed-in browser's cookie.
            HttpResponse<String> revoke = browser.browser().send(HttpRequest.newBuilder(
                            TestEnvironment.serverUri().resolve("/api/v1/qr-codes/" + qr.id() + "/revoke"))
                    .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
            assertUnauthenticated(revoke);
            // The console's header does not help another site's page: the browser names that page's origin.
            HttpResponse<String> withHeader = browser.browser().send(HttpRequest.newBuilder(
                            TestEnvironment.serverUri().resolve("/api/v1/qr-codes/" + qr.id() + "/revoke"))
                    .header("Origin", "http://evil.example").header("X-Requested-With", "XMLHttpRequest")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertUnauthenticated(withHeader);
            HttpResponse<String> read = browser.browser().send(HttpRequest.newBuilder(
                    TestEnvironment.serverUri().resolve("/api/v1/merchant/stats")).GET());
            assertUnauthenticated(read);

            JsonObject code = Customers.json(Rest.get(staff.get(), "/api/v1/qr-codes/" + qr.id()).body());
            assertEquals("ACTIVE", code.getString("status"), "the code was not revoked");
            assertEquals(303, Customers.scan(qr.url()).statusCode());
        }
    }

    @Test
    void every_page_api_answer_and_refusal_carries_the_security_headers() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI server = TestEnvironment.serverUri();
        String socketOrigin = "wss://" + server.getAuthority();
        for (String path : java.util.List.of("/chat/", "/chat/js/socket.js", "/api/v1/health", "/api/v1/qr-codes",
                "/api/v1/nothing-here", "/connect?merchant_id=forged")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src"), path + " (" + r.statusCode() + "): " + policy);
            assertFalse(policy.contains("script-src 'unsafe-inline'") || policy.contains("script-src *"), path + ": " + policy);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), path);
            assertTrue(r.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
                    path + ": HSTS over HTTPS");
            if (path.startsWith("/chat/") || path.startsWith("/api/")) {
                assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
                assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            }
        }
        // Not signed in, the chat page sends the browser to Keycloak with the sign-in's state cookies.
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.resolve("/chat/"))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, page.statusCode(), "a browser is sent to sign in");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("connect-src 'self' " + socketOrigin + ";"), "sockets to this server only: " + policy);
        java.util.List<String> cookies = page.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty(), "the sign-in's state cookies");
        for (String cookie : cookies) {
            String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
            assertTrue(attributes.contains("samesite=lax") && attributes.contains("httponly")
                    && attributes.contains("; secure"), cookie);
        }
    }

    @Test
    void the_merchant_clients_trust_checks_the_real_servers_certificate_and_pins() throws Exception {
        URI health = TestEnvironment.serverUri().resolve("/api/v1/health/live");
        HttpRequest get = HttpRequest.newBuilder(health).build();
        ServerTrust viaCa = ServerTrust.from(TestEnvironment.tls().caCertificate(), null, null);
        assertEquals(200, viaCa.httpClient().build().send(get, HttpResponse.BodyHandlers.discarding()).statusCode());
        ServerTrust pinned = ServerTrust.from(TestEnvironment.tls().caCertificate(), null,
                "sha256/" + TestEnvironment.tls().serverSpkiSha256());
        assertEquals(200, pinned.httpClient().build().send(get, HttpResponse.BodyHandlers.discarding()).statusCode());
        ServerTrust otherPin = ServerTrust.from(TestEnvironment.tls().caCertificate(), null,
                "sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> otherPin.httpClient().build().send(get, HttpResponse.BodyHandlers.discarding()));
        assertEquals(ServerTrust.Problem.PIN_MISMATCH, ServerTrust.problem(refused).orElse(null), refused.toString());
    }

    @Test
    void plain_http_is_redirected_to_https_except_health_probes() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI plain = TestEnvironment.plainServerUri();
        URI secure = TestEnvironment.serverUri();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(plain.resolve("/chat/?scan=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(301, page.statusCode());
        assertEquals(secure + "/chat/?scan=x", page.headers().firstValue("Location").orElse(null));
        assertEquals("", page.body(), "nothing is answered in plain text");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(plain.resolve("/api/v1/qr-codes"))
                .header("Authorization", "Bearer x").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(308, post.statusCode(), "a POST keeps its method (and is not answered over plain HTTP)");
        assertEquals(secure + "/api/v1/qr-codes", post.headers().firstValue("Location").orElse(null));
        HttpResponse<String> socket = http.send(HttpRequest.newBuilder(plain.resolve("/ws/client?client_id=x"))
                .header("Authorization", "Bearer x").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(301, socket.statusCode(), "no socket over plain text either");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(plain.resolve("/api/v1/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "a load balancer's probe over HTTP is answered: " + health.body());
    }

    @Test
    void the_chat_pages_api_takes_its_cookie_only_from_its_own_pages() throws Exception {
        TestEnvironment.Account customer = TestEnvironment.newCustomer();
        BrowserSignIn.Signed browser = BrowserSignIn.signIn(customer.username(), customer.password());
        assertEquals(200, browser.landed().statusCode(), "the chat page: " + browser.trail() + " " + browser.landed().body());
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-origin-" + UUID.randomUUID(), "IT Origin", "it");
            String scan = Customers.scanId(Customers.scan(api.createQr(reg.clientId(), "origin").url()));
            String body = "{\"scan\":\"" + scan + "\"}";

            HttpResponse<String> foreign = session(browser.browser(), body, "http://evil.example");
            assertEquals(403, foreign.statusCode(), foreign.body());
            assertEquals("FORBIDDEN", Customers.json(foreign.body()).getString("error"));
            HttpResponse<String> own = session(browser.browser(), body, TestEnvironment.serverUri().toString()
                    .replaceAll("/$", ""));
            assertEquals(200, own.statusCode(), own.body());
            assertFalse(Customers.json(own.body()).getString("ticket").isEmpty());
        }
    }

    @Test
    void api_calls_without_a_token_get_401_json_and_no_redirect_whatever_they_accept() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String accept : new String[] {null, "*/*", "text/html"}) {
            for (String path : new String[] {"/api/v1/qr-codes", "/api/v1/customer/sessions", "/api/v1/admin/chains"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.serverUri().resolve(path)).GET();
                if (accept != null) {
                    request.header("Accept", accept);
                }
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertUnauthenticated(answer);
            }
        }
    }

    @Test
    void a_forged_or_expired_bearer_token_and_a_missing_role_answer_json() throws Exception {
        HttpResponse<String> forged = Rest.get("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "/api/v1/qr-codes");
        assertEquals(401, forged.statusCode(), forged.body());
        assertEquals("UNAUTHENTICATED", Customers.json(forged.body()).getString("error"));
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        HttpResponse<String> role = Rest.get(TestEnvironment.customerToken(), "/api/v1/admin/chains");
        assertEquals(403, role.statusCode(), role.body());
        assertEquals("FORBIDDEN", Customers.json(role.body()).getString("error"));
        assertFalse(role.body().contains("<html"), role.body());
    }

    private static HttpResponse<String> session(BrowserSignIn.Browser browser, String body, String origin) throws Exception {
        return browser.send(HttpRequest.newBuilder(TestEnvironment.serverUri().resolve("/api/v1/customer/sessions"))
                .header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertUnauthenticated(HttpResponse<String> answer) {
        String where = answer.request().method() + " " + answer.uri() + " → " + answer.statusCode() + " " + answer.body();
        assertEquals(401, answer.statusCode(), where);
        assertEquals("UNAUTHENTICATED", Customers.json(answer.body()).getString("error"), where);
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), where);
        assertFalse(answer.headers().firstValue("Location").isPresent(), where);
    }
}
