package com.alpha01.devstack;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Just enough of Keycloak's admin REST API for tests and the dev stack to add accounts to the
 * realm, signed in as the bootstrap admin of the {@code master} realm. The product provisions
 * through {@code keycloak-admin-client} on the server instead.
 */
public final class RealmAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String adminPassword;

    public RealmAdmin(URI keycloakBase, String adminPassword) {
        this.base = keycloakBase;
        this.adminPassword = adminPassword;
    }

    /** Creates an enabled, verified user with a password and the given realm role; fails loudly. */
    public void createUser(String realm, String username, String email, char[] password, String realmRole)
            throws IOException, InterruptedException {
        createUser(realm, username, email, password, realmRole, null);
    }

    /**
     * The same, and a member of {@code groupPath} (e.g. {@code /merchants/other-shop}), which is
     * created under its existing parent when missing.
     */
    public void createUser(String realm, String username, String email, char[] password, String realmRole,
            String groupPath) throws IOException, InterruptedException {
        String admin = TokenClient.passwordGrant(base.resolve("/realms/master"), "admin-cli", "admin",
                adminPassword.toCharArray());
        String user = Json.createObjectBuilder()
                .add("username", username).add("email", email).add("emailVerified", true).add("enabled", true)
                .add("firstName", "测试").add("lastName", "顾客")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", new String(password)).add("temporary", false)))
                .build().toString();
        HttpResponse<String> created = send(admin, "POST", "/admin/realms/" + realm + "/users", user);
        if (created.statusCode() != 201) {
            throw new IOException("creating user " + username + " failed: " + created.statusCode());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> role = send(admin, "GET", "/admin/realms/" + realm + "/roles/" + realmRole, null);
        if (role.statusCode() != 200) {
            throw new IOException("role " + realmRole + " not found: " + role.statusCode());
        }
        HttpResponse<String> mapped = send(admin, "POST",
                URI.create(location).getPath() + "/role-mappings/realm", "[" + role.body() + "]");
        if (mapped.statusCode() != 204) {
            throw new IOException("granting " + realmRole + " failed: " + mapped.statusCode());
        }
        if (groupPath != null) {
            String groupId = ensureGroup(admin, realm, groupPath);
            HttpResponse<String> joined = send(admin, "PUT", URI.create(location).getPath() + "/groups/" + groupId, "{}");
            if (joined.statusCode() != 204) {
                throw new IOException("adding " + username + " to " + groupPath + " failed: " + joined.statusCode());
            }
        }
    }

    /** Points the realm's outgoing mail (verification, password reset) at an SMTP server without TLS or login. */
    public void useSmtp(String realm, String host, int port) throws IOException, InterruptedException {
        String admin = TokenClient.passwordGrant(base.resolve("/realms/master"), "admin-cli", "admin",
                adminPassword.toCharArray());
        String body = Json.createObjectBuilder().add("smtpServer", Json.createObjectBuilder()
                .add("host", host).add("port", Integer.toString(port)).add("from", "noreply@alpha01.example")
                .add("fromDisplayName", "阿尔法01")).build().toString();
        HttpResponse<String> updated = send(admin, "PUT", "/admin/realms/" + realm, body);
        if (updated.statusCode() != 204) {
            throw new IOException("setting the realm's SMTP server failed: " + updated.statusCode());
        }
    }

    /** How many Keycloak sessions the user has open now. */
    public int sessions(String realm, String username) throws IOException, InterruptedException {
        String admin = TokenClient.passwordGrant(base.resolve("/realms/master"), "admin-cli", "admin",
                adminPassword.toCharArray());
        HttpResponse<String> found = send(admin, "GET", "/admin/realms/" + realm + "/users?exact=true&username="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8), null);
        String id = Json.createReader(new java.io.StringReader(found.body())).readArray().getJsonObject(0).getString("id");
        HttpResponse<String> sessions = send(admin, "GET", "/admin/realms/" + realm + "/users/" + id + "/sessions", null);
        return Json.createReader(new java.io.StringReader(sessions.body())).readArray().size();
    }

    /** Whether the realm has a user with exactly this user name. */
    public boolean userExists(String realm, String username) throws IOException, InterruptedException {
        String admin = TokenClient.passwordGrant(base.resolve("/realms/master"), "admin-cli", "admin",
                adminPassword.toCharArray());
        HttpResponse<String> found = send(admin, "GET", "/admin/realms/" + realm + "/users?exact=true&username="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8), null);
        if (found.statusCode() != 200) {
            throw new IOException("user search failed: " + found.statusCode());
        }
        return !Json.createReader(new java.io.StringReader(found.body())).readArray().isEmpty();
    }

    private String ensureGroup(String admin, String realm, String path) throws IOException, InterruptedException {
        HttpResponse<String> found = send(admin, "GET", "/admin/realms/" + realm + "/group-by-path" + path, null);
        if (found.statusCode() == 200) {
            return Json.createReader(new java.io.StringReader(found.body())).readObject().getString("id");
        }
        int slash = path.lastIndexOf('/');
        String parent = slash <= 0 ? "/admin/realms/" + realm + "/groups"
                : "/admin/realms/" + realm + "/groups/" + ensureGroup(admin, realm, path.substring(0, slash)) + "/children";
        HttpResponse<String> created = send(admin, "POST", parent,
                Json.createObjectBuilder().add("name", path.substring(slash + 1)).build().toString());
        if (created.statusCode() != 201) {
            throw new IOException("creating group " + path + " failed: " + created.statusCode());
        }
        return ensureGroup(admin, realm, path);
    }

    private HttpResponse<String> send(String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
