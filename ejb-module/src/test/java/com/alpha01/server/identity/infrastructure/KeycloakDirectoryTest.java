package com.alpha01.server.identity.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When Keycloak cannot be reached, or the server has no service-account secret, every directory
 * call fails with one clear code (503 {@code IDENTITY_UNAVAILABLE} at the edge) instead of an
 * exception from deep inside the HTTP client. Against a real closed port, with WildFly's RESTEasy
 * client version.
 */
class KeycloakDirectoryTest {

    @AfterEach
    void forget_settings() {
        System.clearProperty("alpha01.oidc.url");
        System.clearProperty("alpha01.kc.server.secret");
    }

    @Test
    void an_unreachable_keycloak_is_identity_unavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        System.setProperty("alpha01.oidc.url", "http://127.0.0.1:" + closed + "/realms/alpha01");
        System.setProperty("alpha01.kc.server.secret", "not-used");
        KeycloakDirectory directory = new KeycloakDirectory();
        DomainException e = assertThrows(DomainException.class,
                () -> directory.ensureGroup("/merchants", "some-shop", Map.of("displayName", List.of("店"))));
        assertEquals(ErrorCode.IDENTITY_UNAVAILABLE, e.code());
        assertEquals(ErrorCode.IDENTITY_UNAVAILABLE, assertThrows(DomainException.class,
                () -> directory.group("/merchants/some-shop")).code());
        directory.close();
    }

    @Test
    void without_a_service_account_secret_provisioning_is_identity_unavailable() {
        DomainException e = assertThrows(DomainException.class, () -> new KeycloakDirectory().children("/merchants"));
        assertEquals(ErrorCode.IDENTITY_UNAVAILABLE, e.code());
    }
}
