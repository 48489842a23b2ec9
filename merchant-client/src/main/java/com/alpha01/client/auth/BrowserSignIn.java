package com.alpha01.client.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Interactive sign-in with the authorization code flow and PKCE (RFC 7636) for a native app
 * (RFC 8252): Keycloak's own sign-in page is shown in the app window, and the code comes back to a
 * one-shot HTTP listener on a random loopback port (the realm allows {@code http://127.0.0.1/*}).
 * The password is typed into Keycloak's page only, never seen by the app.
 */
public final class BrowserSignIn implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrowserSignIn.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final String verifier = random(48);
    private final String state = random(24);
    private final HttpServer server;
    private final String redirectUri;
    private final CompletableFuture<KeycloakSession> result = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();

    private BrowserSignIn(URI issuer) throws IOException {
        this.issuer = issuer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
        server.createContext("/callback", this::callback);
        server.start();
    }

    /** Starts the loopback listener; show {@link #authorizationUrl(String)} to the user next. */
    public static BrowserSignIn start(URI issuer) throws IOException {
        return new BrowserSignIn(issuer);
    }

    /** Keycloak's sign-in page for this attempt, in the UI language ({@code zh-CN} or {@code en}). */
    public URI authorizationUrl(String language) {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        return URI.create(issuer.toString().replaceAll("/$", "") + "/protocol/openid-connect/auth"
                + "?client_id=" + KeycloakSession.CLIENT_ID + "&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(redirectUri) + "&state=" + state
                + "&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&ui_locales=" + encode(language));
    }

    /** Completes with the session once the user has signed in, or with the error Keycloak reported. */
    public CompletableFuture<KeycloakSession> result() {
        return result;
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        boolean ok = false;
        try {
            if (!answered.compareAndSet(false, true)) {
                respond(exchange, 409, "已处理 · Already handled");
                return;
            }
            if (!state.equals(query.get("state"))) {
                result.completeExceptionally(new KeycloakSession.SignInException("invalid_state",
                        "the sign-in answer does not belong to this attempt"));
            } else if (query.containsKey("error")) {
                result.completeExceptionally(new KeycloakSession.SignInException(query.get("error"),
                        query.getOrDefault("error_description", "")));
            } else {
                result.complete(KeycloakSession.fromCode(issuer, query.getOrDefault("code", ""), verifier, redirectUri));
                ok = true;
            }
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        LOG.infof("Sign-in in the app window %s", ok ? "succeeded" : "failed");
        respond(exchange, ok ? 200 : 400, ok ? "登录成功，正在返回… · Signed in, returning…"
                : "登录失败，请重试 · Sign-in failed, please try again");
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><meta charset=utf-8><title>阿尔法01</title>"
                + "<body style=\"font:18px sans-serif;background:#173e5c;color:#fff;display:grid;"
                + "place-items:center;height:90vh\"><p>" + text + "</p>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        result.cancel(false);
    }
}
