package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paged conversation history for the merchant's staff and for the customer, newest first, and
 * tenancy: another merchant's staff, another customer, or a customer on the staff endpoint learn
 * nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIT {

    private static final int QUESTIONS = 5;

    private String conversationId;
    private String customerToken;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    void a_conversation_of_ten_messages() throws Exception {
        customerToken = TestEnvironment.newCustomerToken();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-history-" + UUID.randomUUID(), "IT 历史", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "history");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                var session = Customers.json(Customers.openSession(Customers.scanId(Customers.scan(qr.url())),
                        customerToken).body());
                conversationId = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    for (int i = 1; i <= QUESTIONS; i++) {
                        String id = "history-q" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                        customer.send(new Frame.Send(id, "问题 " + i));
                        customer.await(Frame.Ack.class, a -> a.id().equals(id));
                        long answers = i;
                        Waits.until("answer " + i, () -> Db.count("select count(*) from chat_message where "
                                + "conversation_id = ? and sender = 'BOT'", UUID.fromString(conversationId)) == answers);
                    }
                }
            }
        }
    }

    @Test
    void staff_page_through_the_history_newest_first() throws Exception {
        String token = staffToken("demo-staff", TestEnvironment.STAFF_PASSWORD);
        List<Long> seqs = new ArrayList<>();
        String before = null;
        int pages = 0;
        do {
            HttpResponse<String> r = get("/api/v1/conversations/" + conversationId + "/messages?limit=4"
                    + (before == null ? "" : "&before=" + before), token);
            assertEquals(200, r.statusCode(), r.body());
            JsonObject page = Customers.json(r.body());
            page.getJsonArray("messages").forEach(m -> seqs.add(m.asJsonObject().getJsonNumber("seq").longValue()));
            assertTrue(page.getString("customer").contains("*") && !page.getString("customer").startsWith("顾客"),
                    "staff see the masked customer name alone: " + page.getString("customer"));
            before = page.isNull("nextBefore") ? null : page.get("nextBefore").toString();
            pages++;
        } while (before != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), seqs);
    }

    @Test
    void the_customer_reads_their_own_history() throws Exception {
        HttpResponse<String> r = get("/api/v1/customer/conversations/" + conversationId + "/messages", customerToken);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject page = Customers.json(r.body());
        assertEquals(2 * QUESTIONS, page.getJsonArray("messages").size());
        JsonObject oldest = page.getJsonArray("messages").getJsonObject(2 * QUESTIONS - 1);
        assertEquals("CUSTOMER", oldest.getString("sender"));
        assertEquals("问题 1", oldest.getString("text"));
        assertEquals(JsonValue.NULL, page.get("nextBefore"));
        assertFalse(page.containsKey("customer"));
    }

    @Test
    void other_tenants_get_not_found_and_see_nothing() throws Exception {
        TestEnvironment.Account other = TestEnvironment.newStaff("other-shop");
        HttpResponse<String> otherStaff = get("/api/v1/conversations/" + conversationId + "/messages",
                staffToken(other.username(), other.password()));
        assertEquals(404, otherStaff.statusCode(), otherStaff.body());
        assertEquals("NOT_FOUND", Customers.json(otherStaff.body()).getString("error"));
        assertFalse(otherStaff.body().contains("问题"));

        HttpResponse<String> otherCustomer = get("/api/v1/customer/conversations/" + conversationId + "/messages",
                TestEnvironment.newCustomerToken());
        assertEquals(404, otherCustomer.statusCode(), otherCustomer.body());
        assertFalse(otherCustomer.body().contains("问题"));

        HttpResponse<String> customerAsStaff = get("/api/v1/conversations/" + conversationId + "/messages",
                customerToken);
        assertEquals(403, customerAsStaff.statusCode());
    }

    @Test
    void bad_paging_parameters_are_refused_clearly() throws Exception {
        String token = staffToken("demo-staff", TestEnvironment.STAFF_PASSWORD);
        for (String query : List.of("?limit=0", "?limit=1000", "?before=0", "?limit=abc")) {
            HttpResponse<String> r = get("/api/v1/conversations/" + conversationId + "/messages" + query, token);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, query + " -> " + r.statusCode());
            assertFalse(r.body().contains("Exception"), r.body());
        }
        HttpResponse<String> malformed = get("/api/v1/conversations/not-a-uuid/messages", token);
        assertEquals(404, malformed.statusCode());
    }

    private static String staffToken(String username, String password) throws Exception {
        try (KeycloakSession s = KeycloakSession.signIn(TestEnvironment.issuer(), username, password.toCharArray())) {
            return s.get();
        }
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return Customers.NO_REDIRECTS.send(HttpRequest.newBuilder(TestEnvironment.serverUri().resolve(path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
