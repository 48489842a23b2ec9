package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.devstack.TokenClient;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A shop of a test's own, so that no other test's clients or conversations are in it. */
final class Shops {

    private Shops() {
    }

    /** Makes shop {@code <prefix>-<random>} named {@code name} (as a platform admin would) and signs in a staff member of it. */
    static KeycloakSession staffOfNewShop(String prefix, String name) throws Exception {
        TestEnvironment.Account account = TestEnvironment.newStaff(newShop(prefix, name));
        return KeycloakSession.signIn(TestEnvironment.issuer(), account.username(), account.password().toCharArray());
    }

    /** Makes shop {@code <prefix>-<random>} named {@code name}, as a platform admin would; returns its code. */
    static String newShop(String prefix, String name) throws Exception {
        String shop = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client", "demo-admin",
                "Demo-admin-2026".toCharArray());
        HttpResponse<String> made = Rest.post(admin, "/api/v1/admin/merchants",
                "{\"code\":\"" + shop + "\",\"name\":\"" + name + "\"}");
        assertEquals(200, made.statusCode(), made.body());
        return shop;
    }
}
