package com.alpha01.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed realm is the production posture (people sign in through the browser, and the
 * server's client has no secret until the deployment gives it one); the dev stack's and the tests'
 * copy turns on only what their scripted sign-ins need.
 */
class RealmFileTest {

    private static final Path REALM = Path.of("..", "keycloak-realm", "alpha01-realm.json");

    @Test
    void the_committed_realm_has_no_password_grant_and_no_server_secret() throws IOException {
        Map<String, JsonObject> clients = clients(Files.readString(REALM));
        for (JsonObject client : clients.values()) {
            assertFalse(client.getBoolean("directAccessGrantsEnabled", false),
                    client.getString("clientId") + " allows the password grant");
        }
        assertFalse(clients.get("alpha01-server").containsKey("secret"), "a committed secret would be everyone's");
    }

    @Test
    void the_demo_copy_allows_scripted_sign_ins_and_carries_the_given_secret() throws IOException {
        Map<String, JsonObject> demo = clients(KeycloakServer.demoRealm(Files.readString(REALM), "s3cret-of-this-checkout"));
        assertEquals(true, demo.get("customer-web").getBoolean("directAccessGrantsEnabled"));
        assertEquals(true, demo.get("merchant-client").getBoolean("directAccessGrantsEnabled"));
        assertEquals(false, demo.get("alpha01-server").getBoolean("directAccessGrantsEnabled"));
        assertEquals("s3cret-of-this-checkout", demo.get("alpha01-server").getString("secret"));
        JsonObject committed = Json.createReader(new StringReader(Files.readString(REALM))).readObject();
        JsonObject copy = Json.createReader(new StringReader(
                KeycloakServer.demoRealm(Files.readString(REALM), "x"))).readObject();
        assertEquals(committed.getJsonArray("users"), copy.getJsonArray("users"), "everything else is the committed realm");
        assertEquals(committed.getJsonObject("roles"), copy.getJsonObject("roles"));
    }

    private static Map<String, JsonObject> clients(String realm) {
        return Json.createReader(new StringReader(realm)).readObject().getJsonArray("clients").stream()
                .map(JsonValue::asJsonObject).collect(Collectors.toMap(c -> c.getString("clientId"), c -> c));
    }
}
