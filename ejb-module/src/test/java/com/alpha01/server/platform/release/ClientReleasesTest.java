package com.alpha01.server.platform.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.release.ReleaseSignature;
import com.alpha01.protocol.release.ReleaseTarget;
import com.alpha01.server.platform.config.Settings;
import com.alpha01.server.platform.error.DomainException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientReleasesTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final ReleaseTarget T = ReleaseTarget.LINUX_APP_IMAGE;

    private final KeyPair key = pair();
    private final List<PublicKey> trusted = List.of(key.getPublic());

    private ReleasePolicy request(String version, String minimum, String url, String sha, long size, String signature,
                                  int rollout, String notes) {
        return new ReleasePolicy(T.id(), version, minimum, url, sha, size, signature, rollout, notes, null, null);
    }

    private String sign(String version) {
        return ReleaseSignature.sign(key.getPrivate(), T.id(), version, SHA);
    }

    @Test
    void a_release_signed_by_a_trusted_key_for_its_target_and_version_is_accepted() {
        ReleasePolicy p = ClientReleases.check(T, request("0.2.0", "0.1.0", "https://dl.example.cn/a.tar.gz",
                SHA.toUpperCase(), 1234, sign("0.2.0"), 25, "  修复了若干问题\n更快  "), trusted);
        assertEquals(SHA, p.sha256());
        assertEquals("修复了若干问题\n更快", p.notes());
        assertEquals(25, p.rolloutPercent());
    }

    @Test
    void every_field_is_checked_and_a_wrong_signature_changes_nothing() {
        String ok = sign("0.2.0");
        String url = "https://dl.example.cn/a.tar.gz";
        assertCode(ErrorCode.BAD_FRAME, request("v2", "0.1.0", url, SHA, 1, ok, 100, ""));
        assertCode(ErrorCode.BAD_FRAME, request("0.2.0", "0.3.0", url, SHA, 1, ok, 100, ""));
        assertCode(ErrorCode.BAD_FRAME, request("0.2.0", "0.1.0", "file:///etc/passwd", SHA, 1, ok, 100, ""));
        assertCode(ErrorCode.BAD_FRAME, request("0.2.0", "0.1.0", "not a url", SHA, 1, ok, 100, ""));
        assertCode(ErrorCode.BAD_FRAME, request("0.2.0", "0.1.0", url, "abc", 1, ok, 100, ""));
        assertCode(ErrorCode.BAD_FRAME, request("0.2.0", "0.1.0", url, SHA, 0, ok, 100, ""));
        assertCode(ErrorCode.BAD_FRAME, request("0.2.0", "0.1.0", url, SHA, 1, ok, 101, ""));
        assertCode(ErrorCode.BAD_TEXT, request("0.2.0", "0.1.0", url, SHA, 1, ok, 100, "a\u0000b"));
        assertCode(ErrorCode.BAD_SIGNATURE, request("0.3.0", "0.1.0", url, SHA, 1, ok, 100, ""));
        assertCode(ErrorCode.BAD_SIGNATURE, request("0.2.0", "0.1.0", url, SHA, 1, "", 100, ""));
        DomainException none = assertThrows(DomainException.class, () -> ClientReleases.check(T,
                request("0.2.0", "0.1.0", url, SHA, 1, ok, 100, ""), List.of()));
        assertEquals(ErrorCode.BAD_SIGNATURE, none.code());
    }

    @Test
    void without_a_published_release_the_environment_decides_per_target_then_for_all() {
        Map<String, String> env = Map.of("ALPHA01_CLIENT_LATEST_VERSION", "0.5.0",
                "ALPHA01_CLIENT_WINDOWS_MSI_VERSION", "0.6.0", "ALPHA01_CLIENT_WINDOWS_MSI_URL", "https://dl/a.msi",
                "ALPHA01_CLIENT_WINDOWS_MSI_ROLLOUT", "10");
        Settings s = Settings.of(env::get, k -> null);
        ReleasePolicy windows = ClientReleases.fromSettings(s, ReleaseTarget.WINDOWS_MSI, "0.1.0");
        assertEquals("0.6.0", windows.version());
        assertEquals("0.1.0", windows.minimumVersion(), "the server's own version");
        assertEquals(10, windows.rolloutPercent());
        assertTrue(windows.hasPackage());
        ReleasePolicy mac = ClientReleases.fromSettings(s, ReleaseTarget.MACOS_DMG, "0.1.0");
        assertEquals("0.5.0", mac.version());
        assertFalse(mac.hasPackage());
        assertEquals(100, mac.rolloutPercent());
    }

    @Test
    void a_rollout_offers_about_its_share_keeps_whom_it_offered_and_always_offers_those_below_the_minimum() {
        List<String> clients = IntStream.range(0, 2000)
                .mapToObj(i -> UUID.nameUUIDFromBytes(("c" + i).getBytes()).toString()).toList();
        ReleasePolicy ten = request("0.2.0", "0.1.0", "https://x/a", SHA, 1, "", 10, "");
        ReleasePolicy thirty = request("0.2.0", "0.1.0", "https://x/a", SHA, 1, "", 30, "");
        long offered = clients.stream().filter(c -> ten.offeredTo(c, false)).count();
        assertTrue(offered > 120 && offered < 280, "about 10% of 2000: " + offered);
        assertTrue(clients.stream().filter(c -> ten.offeredTo(c, false)).allMatch(c -> thirty.offeredTo(c, false)),
                "raising the share keeps everyone already offered");
        ReleasePolicy none = request("0.2.0", "0.1.0", "https://x/a", SHA, 1, "", 0, "");
        assertFalse(clients.stream().anyMatch(c -> none.offeredTo(c, false)));
        assertTrue(none.offeredTo(clients.get(0), true), "below the minimum: offered whatever the share");
    }

    private void assertCode(ErrorCode code, ReleasePolicy r) {
        DomainException e = assertThrows(DomainException.class, () -> ClientReleases.check(T, r, trusted));
        assertEquals(code, e.code(), e.getMessage());
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
