package com.alpha01.client.auth;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.link.ServerTrust;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A signed-in staff member's tokens from Keycloak (client {@code merchant-client}), refreshed at
 * 70% of their lifetime. Made from an authorization code (the app's sign-in page, code + PKCE, see
 * {@link BrowserSignIn}), from a refresh token kept from an earlier run, or, for scripted starts
 * and tests, from the password grant. Tokens are never logged.
 */
public final class KeycloakSession implements Supplier<String>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakSession.class);
    public static final String CLIENT_ID = "merchant-client";

    private final URI tokenEndpoint;
    private final HttpClient http = ServerTrust.shared().httpClient().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpha01-token-refresh");
        t.setDaemon(true);
        return t;
    });
    private volatile String accessToken;
    private volatile String refreshToken;
    private volatile Instant expiresAt = Instant.EPOCH;
    private final URI issuer;
    private volatile java.util.function.Consumer<String> onRefreshToken = token -> { };

    /** A Keycloak sign-in failed; {@code error} is the OAuth error code such as {@code invalid_grant}. */
    public static final class SignInException extends IOException {
        private final String error;

        public SignInException(String error, String message) {
            super(error + ": " + message);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** @param issuer the realm URL, e.g. {@code http://127.0.0.1:8180/realms/alpha01} */
    private KeycloakSession(URI issuer) {
        this.issuer = issuer;
        this.tokenEndpoint = URI.create(issuer.toString().replaceAll("/$", "") + "/protocol/openid-connect/token");
    }

    /** The password grant: scripted starts and tests only (people sign in on Keycloak's page). */
    public static KeycloakSession signIn(URI issuer, String username, char[] password)
            throws IOException, InterruptedException {
        return grant(issuer, "password", "username", username, "password", new String(password), "scope", "openid");
    }

    /** Exchanges an authorization code from the sign-in page (with its PKCE verifier). */
    public static KeycloakSession fromCode(URI issuer, String code, String verifier, String redirectUri)
            throws IOException, InterruptedException {
        return grant(issuer, "authorization_code", "code", code, "code_verifier", verifier, "redirect_uri", redirectUri);
    }

    /** Signs in again with a refresh token kept from an earlier run; fails when Keycloak ended that session. */
    public static KeycloakSession fromRefreshToken(URI issuer, String refreshToken) throws IOException, InterruptedException {
        return grant(issuer, "refresh_token", "refresh_token", refreshToken);
    }

    /** A new session from one token request: the grant type, then name/value pairs of the form. */
    private static KeycloakSession grant(URI issuer, String type, String... pairs) throws IOException, InterruptedException {
        KeycloakSession session = new KeycloakSession(issuer);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", type);
        form.put("client_id", CLIENT_ID);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        session.exchange(form);
        return session;
    }

    /** Called with each new refresh token (to keep it, encrypted, for the next start). */
    public void onRefreshToken(java.util.function.Consumer<String> listener) {
        this.onRefreshToken = listener;
        listener.accept(refreshToken);
    }

    /** The signed-in person as the access token names them: {@code preferred_username} and {@code name}. */
    public JsonObject claims() {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (var reader = JSON.createReader(new StringReader(payload))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    /** Ends the session at Keycloak (best effort) and stops refreshing. */
    public void signOut() {
        close();
        URI logout = URI.create(issuer.toString().replaceAll("/$", "") + "/protocol/openid-connect/logout");
        String body = "client_id=" + CLIENT_ID + "&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        try {
            http.send(HttpRequest.newBuilder(logout).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.warnf("Could not end the Keycloak session (%s); it expires by itself", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String get() {
        return accessToken;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    private void refresh() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", CLIENT_ID);
        form.put("refresh_token", refreshToken);
        try {
            exchange(form);
        } catch (IOException e) {
            LOG.warnf("Token refresh failed (%s); retrying in 10 s", e.getMessage());
            refresher.schedule(this::refresh, 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(response.body()))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new SignInException("bad_response", "Keycloak answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            throw new SignInException(json.getString("error", "http_" + response.statusCode()),
                    json.getString("error_description", ""));
        }
        accessToken = json.getString("access_token");
        String previous = refreshToken;
        refreshToken = json.getString("refresh_token", refreshToken);
        if (refreshToken != null && !refreshToken.equals(previous)) {
            onRefreshToken.accept(refreshToken);
        }
        long lifetime = json.getJsonNumber("expires_in").longValue();
        expiresAt = Instant.now().plusSeconds(lifetime);
        refresher.schedule(this::refresh, Math.max(5, lifetime * 7 / 10), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
