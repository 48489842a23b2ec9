package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A merchant client may register with its own capacity (1-500 open conversations): assignment
 * passes it over once it holds that many, even when it is the scanned code's client and the
 * server's cap ({@code ALPHA01_CLIENT_CAPACITY}, 1000 in the tests) is far; re-registering without
 * one lifts the cap again. Each test works in a shop of its own, so no other client is online there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CapacityIT {

    /** {@code ALPHA01_CLIENT_CAPACITY} of the failsafe run (ear/pom.xml). */
    private static final int SERVER_CAPACITY = 1000;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_client_capped_at_one_takes_one_of_three_customers_until_it_registers_again_without_a_cap()
            throws Exception {
        try (KeycloakSession staff = staffOfNewShop()) {
            String deviceA = "it-cap-a-" + UUID.randomUUID();
            JsonObject a = register(staff, deviceA, 1);
            assertEquals(1, a.getInt("capacity"), "the answer names the cap in force");
            JsonObject b = register(staff, "it-cap-b-" + UUID.randomUUID(), null);
            assertEquals(SERVER_CAPACITY, b.getInt("capacity"), "no capacity: the server's");
            String clientA = a.getString("clientId");
            String clientB = b.getString("clientId");
            assertEquals(1, storedCapacity(clientA));
            assertNull(storedCapacity(clientB));

            // Out of range or not a number: 400, and the registered capacity stays as it was.
            String newDevice = "it-cap-bad-" + UUID.randomUUID();
            for (String bad : List.of("0", "501", "-1", "\"ten\"")) {
                for (String device : List.of(deviceA, newDevice)) {
                    HttpResponse<String> refused = Rest.post(staff.get(), "/api/v1/clients", "{\"deviceId\":\""
                            + device + "\",\"name\":\"IT\",\"version\":\"it\",\"capacity\":" + bad + "}");
                    assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
                    assertTrue(refused.body().contains("\"error\":\"BAD_FRAME\""), refused.body());
                }
            }
            HttpResponse<String> broken = Rest.post(staff.get(), "/api/v1/clients", "{\"deviceId\":");
            assertEquals(400, broken.statusCode(), "not JSON at all: " + broken.body());
            assertEquals(1, storedCapacity(clientA));
            assertEquals(0, Db.count("select count(*) from merchant_client where device_id = ?", newDevice));

            // The code is A's, so without a cap A would take every customer.
            ServerApi.QrCode qr = new ServerApi(TestEnvironment.serverUri(), staff).createQr(clientA, "A");
            try (AnsweringClient onlineA = AnsweringClient.online(clientA, staff, m -> { });
                 AnsweringClient onlineB = AnsweringClient.online(clientB, staff, m -> { })) {
                for (int i = 0; i < 3; i++) {
                    Customers.enter(qr.url());
                }
                assertEquals(1, openAt(clientA), "A takes one, its own cap");
                assertEquals(2, openAt(clientB), "B takes the rest");

                JsonObject again = register(staff, deviceA, null);
                assertEquals(clientA, again.getString("clientId"), "the same client, registered again");
                assertEquals(SERVER_CAPACITY, again.getInt("capacity"));
                assertNull(storedCapacity(clientA), "absent on re-registration: back to the server's");
                UUID fourth = UUID.fromString(Customers.enter(qr.url()).getString("conversationId"));
                assertEquals(clientA, clientOf(fourth), "with its cap lifted, the code's client takes the next one");
                assertEquals(2, openAt(clientA));
                assertEquals(2, openAt(clientB));
            }
        }
    }

    @Test
    void a_conversation_waits_while_the_only_client_online_is_at_its_cap_and_goes_to_the_next_that_comes()
            throws Exception {
        try (KeycloakSession staff = staffOfNewShop()) {
            String clientA = register(staff, "it-cap-full-" + UUID.randomUUID(), 1).getString("clientId");
            String clientB = register(staff, "it-cap-next-" + UUID.randomUUID(), null).getString("clientId");
            ServerApi.QrCode qr = new ServerApi(TestEnvironment.serverUri(), staff).createQr(clientA, "A");
            try (AnsweringClient onlineA = AnsweringClient.online(clientA, staff, m -> { })) {
                UUID first = UUID.fromString(Customers.enter(qr.url()).getString("conversationId"));
                JsonObject second = Customers.enter(qr.url());
                UUID waiting = UUID.fromString(second.getString("conversationId"));
                assertEquals(clientA, clientOf(first));
                assertEquals("QUEUED", second.getString("state"), "A is online but at its own cap");
                assertNull(clientOf(waiting));

                try (AnsweringClient onlineB = AnsweringClient.online(clientB, staff, m -> { })) {
                    // The failover sweep (every 5 s) hands queued conversations to a client with room.
                    Waits.until("the queued conversation goes to B", () -> clientB.equals(clientOf(waiting)));
                    assertEquals(1, openAt(clientA), "the sweep gives A nothing beyond its cap");
                }
            }
        }
    }

    /** A shop made for one test (as a platform admin would) and a staff member of it, signed in. */
    private static KeycloakSession staffOfNewShop() throws Exception {
        return Shops.staffOfNewShop("it-cap", "容量测试店");
    }

    /** {@code POST /api/v1/clients}, with {@code capacity} when not null; the answer, which must be 200. */
    private static JsonObject register(KeycloakSession staff, String deviceId, Integer capacity) throws Exception {
        HttpResponse<String> response = Rest.post(staff.get(), "/api/v1/clients", "{\"deviceId\":\"" + deviceId
                + "\",\"name\":\"IT 容量\",\"version\":\"it\"" + (capacity == null ? "" : ",\"capacity\":" + capacity) + "}");
        assertEquals(200, response.statusCode(), response.body());
        return Customers.json(response.body());
    }

    private static Integer storedCapacity(String clientId) throws Exception {
        return (Integer) Db.query("select capacity from merchant_client where id = ?::uuid", clientId).get(0).get(0);
    }

    private static long openAt(String clientId) throws Exception {
        return Db.count("select count(*) from conversation where client_id = ?::uuid and state <> 'CLOSED'", clientId);
    }

    private static String clientOf(UUID conversation) throws Exception {
        Object id = Db.query("select client_id::text from conversation where id = ?", conversation).get(0).get(0);
        return id == null ? null : id.toString();
    }
}
