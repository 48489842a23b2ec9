package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.CloseCodes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input at the front door: forged or tampered QR URLs, sockets without sign-in, calls without a token. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadEntryIT {

    private static final String FORGED_TOKEN = "A".repeat(43);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void forged_token_gets_the_error_page_is_recorded_and_creates_nothing() throws Exception {
        long conversations = Db.count("select count(*) from conversation");
        long forged = Db.count("select count(*) from qr_scan where outcome = 'FORGED'");
        HttpResponse<String> page = Customers.scan(TestEnvironment.serverUri() + "/connect?merchant_id="
                + UUID.randomUUID() + "&token=" + FORGED_TOKEN);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("QR_INVALID") && page.body().contains("无法识别这个二维码"), page.body());
        assertFalse(page.body().contains("Exception"), "no stack trace on the page");
        assertEquals(conversations, Db.count("select count(*) from conversation"));
        assertEquals(forged + 1, Db.count("select count(*) from qr_scan where outcome = 'FORGED'"));
    }

    @Test
    void malformed_parameters_are_treated_as_forged() throws Exception {
        for (String query : new String[] {"", "merchant_id=1%20OR%201=1&token=x", "merchant_id=" + UUID.randomUUID()
                + "&client_id=not-a-uuid&token=" + FORGED_TOKEN}) {
            HttpResponse<String> page = Customers.scan(TestEnvironment.serverUri() + "/connect?" + query);
            assertEquals(404, page.statusCode(), query);
            assertTrue(page.body().contains("QR_INVALID"), query);
        }
    }

    @Test
    void tampered_token_or_swapped_client_of_a_real_code_is_refused() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration a = api.register("it-bad-a-" + UUID.randomUUID(), "A", "it");
            ServerApi.Registration b = api.register("it-bad-b-" + UUID.randomUUID(), "B", "it");
            ServerApi.QrCode qr = api.createQr(a.clientId(), "door");
            String token = qr.url().substring(qr.url().indexOf("token=") + 6);
            char last = token.charAt(token.length() - 1);
            String tampered = qr.url().substring(0, qr.url().length() - 1) + (last == 'A' ? 'B' : 'A');
            assertEquals(404, Customers.scan(tampered).statusCode());
            String swapped = qr.url().replace(a.clientId(), b.clientId());
            assertEquals(404, Customers.scan(swapped).statusCode());
            assertEquals(1, Db.count("select count(*) from qr_scan where qr_code_id = ? and outcome = 'MISMATCH'",
                    UUID.fromString(qr.id())));
            assertEquals(303, Customers.scan(qr.url()).statusCode(), "the untouched code still works");
        }
    }

    @Test
    void customer_socket_without_a_valid_ticket_is_closed_with_policy_code() throws Exception {
        try (Peer none = Peer.connect(Customers.customerSocket(""), null);
             Peer forged = Peer.connect(Customers.customerSocket(FORGED_TOKEN), null)) {
            assertEquals(CloseCodes.POLICY, none.closed.get(30, TimeUnit.SECONDS));
            assertEquals(CloseCodes.POLICY, forged.closed.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void customer_session_needs_a_valid_scan() throws Exception {
        String token = TestEnvironment.customerToken();
        HttpResponse<String> unknown = Customers.openSession(UUID.randomUUID().toString(), token);
        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", Customers.json(unknown.body()).getString("error"));
        HttpResponse<String> malformed = Customers.openSession("x'; drop table conversation; --", token);
        assertEquals(400, malformed.statusCode());
        assertTrue(Customers.json(malformed.body()).containsKey("correlationId"));
    }

    @Test
    void rest_call_without_token_is_not_served() throws Exception {
        long clients = Db.count("select count(*) from merchant_client");
        HttpResponse<String> response = Customers.NO_REDIRECTS.send(HttpRequest.newBuilder(
                        URI.create(TestEnvironment.serverUri() + "/api/v1/clients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"sneaky-device\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(2, response.statusCode() / 100, "status " + response.statusCode());
        assertEquals(clients, Db.count("select count(*) from merchant_client"));
    }

    @Test
    void customer_token_cannot_act_as_a_merchant_client() throws Exception {
        HttpResponse<String> response = Customers.NO_REDIRECTS.send(HttpRequest.newBuilder(
                        URI.create(TestEnvironment.serverUri() + "/api/v1/clients"))
                .header("Authorization", "Bearer " + TestEnvironment.customerToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"customer-device\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
    }
}
