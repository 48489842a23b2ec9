package com.alpha01.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loopback half of the code + PKCE sign-in; the Keycloak half runs in the ITs (MerchantDesktopIT). */
class BrowserSignInTest {

    private static final URI ISSUER = URI.create("http://127.0.0.1:9/realms/alpha01");

    @Test
    void the_authorization_url_asks_for_a_code_with_an_s256_challenge_and_a_loopback_redirect() throws Exception {
        try (BrowserSignIn signIn = BrowserSignIn.start(ISSUER)) {
            String url = signIn.authorizationUrl("zh-CN").toString();
            assertTrue(url.startsWith(ISSUER + "/protocol/openid-connect/auth?client_id=merchant-client"), url);
            assertTrue(url.contains("response_type=code") && url.contains("code_challenge_method=S256"), url);
            assertTrue(url.matches(".*redirect_uri=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Fcallback.*"), url);
            assertTrue(url.contains("ui_locales=zh-CN"), url);
        }
    }

    @Test
    void an_answer_for_another_attempt_or_a_keycloak_error_fails_the_sign_in() throws Exception {
        try (BrowserSignIn signIn = BrowserSignIn.start(ISSUER)) {
            String redirect = java.net.URLDecoder.decode(signIn.authorizationUrl("en").toString()
                    .replaceAll(".*redirect_uri=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(redirect + "?code=stolen&state=not-ours")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, forged.statusCode());
            ExecutionException e = assertThrows(ExecutionException.class, () -> signIn.result().get(5, TimeUnit.SECONDS));
            KeycloakSession.SignInException cause = assertInstanceOf(KeycloakSession.SignInException.class, e.getCause());
            assertEquals("invalid_state", cause.error());
            // The listener answers once: a second callback cannot complete the attempt.
            HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(redirect + "?error=access_denied")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(409, again.statusCode());
        }
    }
}
