package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A platform admin provisions a store chain with two merchants, their staff and a chain admin
 * through the server (keycloak-admin-client against the real Keycloak); everyone signs in and
 * sees exactly their own part; each role is refused on the others' endpoints; bad input and a
 * refused password leave nothing half-made.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProvisioningIT {

    private static final String PASSWORD = "It-Provisioned-2026";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_chain_with_two_stores_their_staff_and_a_chain_admin() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String chain = "it-chain-" + run;
        String east = "it-east-" + run;
        String west = "it-west-" + run;
        String admin = token("demo-admin", "Demo-admin-2026");

        // Provisioning, each call twice: the second finds what the first made.
        for (int i = 0; i < 2; i++) {
            ok(Rest.post(admin, "/api/v1/admin/chains", "{\"code\":\"" + chain + "\",\"name\":\"测试连锁\"}"));
            ok(Rest.post(admin, "/api/v1/admin/merchants", "{\"code\":\"" + east + "\",\"name\":\"测试 · 东店\","
                    + "\"chainCode\":\"" + chain + "\"}"));
            ok(Rest.post(admin, "/api/v1/admin/merchants", "{\"code\":\"" + west + "\",\"name\":\"测试 · 西店\","
                    + "\"chainCode\":\"" + chain + "\"}"));
            ok(Rest.post(admin, "/api/v1/admin/merchants/" + east + "/staff", user("east-boss-" + run, true)));
            ok(Rest.post(admin, "/api/v1/admin/merchants/" + west + "/staff", user("west-staff-" + run, false)));
            ok(Rest.post(admin, "/api/v1/admin/chains/" + chain + "/admins", user("chain-boss-" + run, false)));
        }

        // Staff sign in and work in their own shop, under its name.
        String eastBoss = token("east-boss-" + run, PASSWORD);
        String westStaff = token("west-staff-" + run, PASSWORD);
        try (KeycloakSession eastSession = KeycloakSession.signIn(TestEnvironment.issuer(), "east-boss-" + run,
                PASSWORD.toCharArray())) {
            ServerApi eastApi = new ServerApi(TestEnvironment.serverUri(), eastSession);
            ServerApi.Registration reg = eastApi.register("it-east-pc-" + run, "东店前台", "it");
            assertEquals(east, reg.merchantCode());
            assertEquals("测试 · 东店", reg.merchantName());
            ServerApi.QrCode qr = eastApi.createQr(reg.clientId(), "东店", null, null, null);
            // West's staff reach nothing of east's.
            assertEquals(404, Rest.get(westStaff, "/api/v1/qr-codes/" + qr.id()).statusCode());
            assertTrue(Rest.get(westStaff, "/api/v1/qr-codes").body().indexOf(qr.id()) < 0);
        }

        // The chain admin sees the chain's two stores and nothing else; the demo chain admin the demo stores.
        assertEquals(Set.of(east, west), codes(Rest.get(token("chain-boss-" + run, PASSWORD), "/api/v1/chain/merchants").body()));
        assertEquals(Set.of("demo-shop", "demo-shop-east"),
                codes(Rest.get(token("demo-chain-admin", "Demo-chain-2026"), "/api/v1/chain/merchants").body()));

        // A merchant admin invites a colleague, who then works in the same shop.
        ok(Rest.post(eastBoss, "/api/v1/merchant/staff", user("east-new-" + run, false)));
        try (KeycloakSession colleague = KeycloakSession.signIn(TestEnvironment.issuer(), "east-new-" + run,
                PASSWORD.toCharArray())) {
            assertEquals(east, new ServerApi(TestEnvironment.serverUri(), colleague)
                    .register("it-east-pc2-" + run, "东店后台", "it").merchantCode());
        }

        // Sign-out everywhere ends every session of the account (two devices here), nobody else's.
        String secondDevice = token("east-new-" + run, PASSWORD);
        int othersBefore = TestEnvironment.sessions("east-boss-" + run);
        assertTrue(TestEnvironment.sessions("east-new-" + run) >= 2, "signed in on two devices");
        assertEquals(204, Rest.post(secondDevice, "/api/v1/me/sign-out-everywhere", "{}").statusCode());
        assertEquals(0, TestEnvironment.sessions("east-new-" + run));
        assertEquals(othersBefore, TestEnvironment.sessions("east-boss-" + run));

        // Each role is refused everywhere else (403).
        String chainBoss = token("chain-boss-" + run, PASSWORD);
        assertEquals(403, Rest.post(westStaff, "/api/v1/admin/chains", "{\"code\":\"x-" + run + "\",\"name\":\"x\"}").statusCode());
        assertEquals(403, Rest.post(chainBoss, "/api/v1/admin/merchants", "{\"code\":\"y-" + run + "\",\"name\":\"y\"}").statusCode());
        assertEquals(403, Rest.post(westStaff, "/api/v1/merchant/staff", user("nope-" + run, false)).statusCode());
        assertEquals(403, Rest.get(eastBoss, "/api/v1/chain/merchants").statusCode());
        assertEquals(403, Rest.get(chainBoss, "/api/v1/qr-codes").statusCode());
        assertEquals(403, Rest.get(TestEnvironment.newCustomerToken(), "/api/v1/admin/chains").statusCode());
        assertFalse(TestEnvironment.userExists("nope-" + run));
        assertEquals(0, Db.count("select count(*) from merchant where code in (?, ?)", "x-" + run, "y-" + run));
    }

    @Test
    void bad_input_is_refused_and_a_refused_password_leaves_no_account() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String admin = token("demo-admin", "Demo-admin-2026");
        assertEquals(400, Rest.post(admin, "/api/v1/admin/chains", "{\"code\":\"Not A Code\",\"name\":\"x\"}").statusCode());
        assertEquals(400, Rest.post(admin, "/api/v1/admin/merchants", "{\"code\":\"ok-" + run + "\"}").statusCode());
        assertEquals(404, Rest.post(admin, "/api/v1/admin/merchants", "{\"code\":\"ok-" + run + "\",\"name\":\"x\","
                + "\"chainCode\":\"no-such-chain\"}").statusCode());
        assertEquals(404, Rest.post(admin, "/api/v1/admin/merchants/no-such-shop-" + run + "/staff",
                user("ghost-" + run, false)).statusCode());
        assertEquals(0, Db.count("select count(*) from merchant where code = ?", "ok-" + run));

        // Keycloak's password policy refuses "short": the account made a moment before is removed again.
        ok(Rest.post(admin, "/api/v1/admin/merchants", "{\"code\":\"weak-" + run + "\",\"name\":\"弱密码店\"}"));
        var refused = Rest.post(admin, "/api/v1/admin/merchants/weak-" + run + "/staff",
                "{\"username\":\"weak-user-" + run + "\",\"email\":\"weak-" + run + "@shop.example\",\"password\":\"short\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"error\":\"CONFLICT\""), refused.body());
        assertFalse(TestEnvironment.userExists("weak-user-" + run), "no half-made account");
    }

    private static String user(String username, boolean admin) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@shop.example\",\"password\":\""
                + PASSWORD + "\",\"admin\":" + admin + "}";
    }

    private static String token(String username, String password) throws Exception {
        return com.alpha01.devstack.TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client", username,
                password.toCharArray());
    }

    private static void ok(java.net.http.HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
    }

    private static Set<String> codes(String json) {
        return Json.createReader(new StringReader(json)).readArray().stream()
                .map(v -> v.asJsonObject().getString("code")).collect(Collectors.toSet());
    }
}
