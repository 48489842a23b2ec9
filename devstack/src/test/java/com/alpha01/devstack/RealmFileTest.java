package com.alpha01.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Map<String, JsonObject> demo = clients(KeycloakServer.demoRealm(Files.readString(REALM),
                new KeycloakServer.Demo("s3cret-of-this-checkout", null, List.of("https://127.0.0.1:8443"))));
        assertEquals(true, demo.get("customer-web").getBoolean("directAccessGrantsEnabled"));
        assertEquals(true, demo.get("merchant-client").getBoolean("directAccessGrantsEnabled"));
        assertEquals(false, demo.get("alpha01-server").getBoolean("directAccessGrantsEnabled"));
        assertEquals("s3cret-of-this-checkout", demo.get("alpha01-server").getString("secret"));
        for (String client : List.of("customer-web", "merchant-client")) {
            List<String> redirects = demo.get(client).getJsonArray("redirectUris").getValuesAs(JsonString::getString);
            assertTrue(redirects.contains("https://127.0.0.1:8443/*"), client + ": the application's origin " + redirects);
            assertTrue(redirects.containsAll(clients(Files.readString(REALM)).get(client).getJsonArray("redirectUris")
                    .getValuesAs(JsonString::getString)), client + " keeps the committed redirect URIs");
        }
        JsonObject committed = Json.createReader(new StringReader(Files.readString(REALM))).readObject();
        JsonObject copy = Json.createReader(new StringReader(
                KeycloakServer.demoRealm(Files.readString(REALM), KeycloakServer.Demo.plain("x")))).readObject();
        assertEquals(committed.getJsonArray("users"), copy.getJsonArray("users"), "everything else is the committed realm");
        assertEquals(committed.getJsonObject("roles"), copy.getJsonObject("roles"));
    }

    private static Map<String, JsonObject> clients(String realm) {
        return Json.createReader(new StringReader(realm)).readObject().getJsonArray("clients").stream()
                .map(JsonValue::asJsonObject).collect(Collectors.toMap(c -> c.getString("clientId"), c -> c));
    }
}
