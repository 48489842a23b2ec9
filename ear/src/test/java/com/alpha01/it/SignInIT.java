package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.devstack.TokenClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each kind of user of the demo realm signs in against the real Keycloak and gets what the server
 * relies on (realm roles, group paths); the server accepts each on its own endpoint class; and
 * Keycloak's brute-force detection locks an account after repeated wrong passwords.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void each_kind_of_user_signs_in_with_its_roles_and_groups() throws Exception {
        JsonObject customer = claims(TokenClient.passwordGrant(TestEnvironment.issuer(), "customer-web",
                "demo-customer", TestEnvironment.CUSTOMER_PASSWORD.toCharArray()));
        assertTrue(roles(customer).contains("customer"));

        String staffToken = token("demo-staff", TestEnvironment.STAFF_PASSWORD);
        JsonObject staff = claims(staffToken);
        assertTrue(roles(staff).containsAll(Set.of("merchant-staff", "merchant-admin")));
        assertEquals(List.of("/merchants/demo-shop"), groups(staff));
        assertEquals(200, Rest.get(staffToken, "/api/v1/qr-codes").statusCode());

        String chainToken = token("demo-chain-admin", "Demo-chain-2026");
        JsonObject chain = claims(chainToken);
        assertTrue(roles(chain).contains("chain-admin"));
        assertEquals(List.of("/chains/demo-chain"), groups(chain));
        assertEquals(200, Rest.get(chainToken, "/api/v1/chain/merchants").statusCode());

        String adminToken = token("demo-admin", "Demo-admin-2026");
        assertTrue(roles(claims(adminToken)).contains("platform-admin"));
        assertEquals(400, Rest.post(adminToken, "/api/v1/admin/chains", "{}").statusCode(),
                "let through to the endpoint, which wants a code and a name");
    }

    @Test
    void repeated_wrong_passwords_lock_the_account_for_a_while() throws Exception {
        TestEnvironment.Account account = TestEnvironment.newCustomer();
        // A customer may sign in with the e-mail address instead of the user name.
        assertTrue(roles(claims(TokenClient.passwordGrant(TestEnvironment.issuer(), "customer-web",
                account.username() + "@mail.example", account.password().toCharArray()))).contains("customer"));
        for (int i = 0; i < 10; i++) {
            assertThrows(IOException.class, () -> TokenClient.passwordGrant(TestEnvironment.issuer(), "customer-web",
                    account.username(), "Wrong-password-1".toCharArray()));
        }
        IOException locked = assertThrows(IOException.class, () -> TokenClient.passwordGrant(TestEnvironment.issuer(),
                "customer-web", account.username(), account.password().toCharArray()));
        assertTrue(locked.getMessage().contains("invalid_grant"), locked.getMessage());
    }

    private static String token(String username, String password) throws Exception {
        return TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client", username, password.toCharArray());
    }

    /** The token's payload, for the test to look at (the server itself never parses tokens by hand). */
    private static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    private static Set<String> roles(JsonObject claims) {
        return claims.getJsonObject("realm_access").getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).collect(Collectors.toSet());
    }

    private static List<String> groups(JsonObject claims) {
        return claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
