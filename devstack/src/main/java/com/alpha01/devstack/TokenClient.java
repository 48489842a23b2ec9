package com.alpha01.devstack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Gets tokens from the realm's token endpoint for test and demo accounts (password grant). */
public final class TokenClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TokenClient() {
    }

    /** Returns the access token, or throws with Keycloak's error code (never the password). */
    public static String passwordGrant(URI issuer, String clientId, String username, char[] password)
            throws IOException, InterruptedException {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", new String(password), "scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() != 200) {
            throw new IOException("token request for client " + clientId + " failed: " + response.statusCode() + " "
                    + json.getString("error", "?"));
        }
        return json.getString("access_token");
    }
}
