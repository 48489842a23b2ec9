package com.alpha01.protocol.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseSignatureTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final KeyPair release = pair();
    private final KeyPair other = pair();

    @Test
    void a_signature_verifies_for_its_target_version_and_hash_only() {
        String signature = ReleaseSignature.sign(release.getPrivate(), "linux-app-image", "0.2.0", SHA);
        List<PublicKey> trusted = List.of(release.getPublic());
        assertTrue(ReleaseSignature.verify(trusted, "linux-app-image", "0.2.0", SHA, signature));
        assertTrue(ReleaseSignature.verify(trusted, "linux-app-image", "0.2.0", SHA.toUpperCase(), signature),
                "hex case does not matter");
        assertFalse(ReleaseSignature.verify(trusted, "linux-app-image", "0.3.0", SHA, signature), "another version");
        assertFalse(ReleaseSignature.verify(trusted, "windows-msi", "0.2.0", SHA, signature), "another target");
        assertFalse(ReleaseSignature.verify(trusted, "linux-app-image", "0.2.0", SHA.replace('9', '8'), signature),
                "another package");
        assertFalse(ReleaseSignature.verify(List.of(other.getPublic()), "linux-app-image", "0.2.0", SHA, signature),
                "another key");
        assertFalse(ReleaseSignature.verify(trusted, "linux-app-image", "0.2.0", SHA, "not base64!"));
        assertFalse(ReleaseSignature.verify(trusted, "linux-app-image", "0.2.0", "abc", signature));
        assertFalse(ReleaseSignature.verify(List.of(), "linux-app-image", "0.2.0", SHA, signature), "no trusted key");
    }

    @Test
    void any_trusted_key_may_have_signed_so_a_key_can_be_rotated() {
        String byOther = ReleaseSignature.sign(other.getPrivate(), "macos-dmg", "1.0.0", SHA);
        List<PublicKey> both = ReleaseSignature.publicKeys("# current\n" + ReleaseSignature.encode(release.getPublic())
                + "\n\n# next\n" + ReleaseSignature.encode(other.getPublic()) + "\n");
        assertEquals(2, both.size());
        assertTrue(ReleaseSignature.verify(both, "macos-dmg", "1.0.0", SHA, byOther));
        assertThrows(IllegalArgumentException.class, () -> ReleaseSignature.publicKeys("not-a-key"));
    }

    @Test
    void a_build_made_without_release_keys_trusts_no_update() {
        assertEquals(List.of(), ReleaseSignature.shippedKeys());
    }

    @Test
    void the_signer_tool_writes_an_owner_only_key_never_overwrites_it_and_signs_a_file(@TempDir Path dir)
            throws Exception {
        Path keyFile = dir.resolve("release.key");
        PublicKey publicKey = ReleaseSignature.publicKey(ReleaseSigner.keygen(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertThrows(java.io.IOException.class, () -> ReleaseSigner.keygen(keyFile));
        Path pkg = Files.writeString(dir.resolve("app.tar.gz"), "test", StandardCharsets.UTF_8);
        assertEquals(SHA, ReleaseSignature.sha256(pkg), "SHA-256 of \"test\"");
        String signature = ReleaseSignature.sign(ReleaseSignature.privateKey(Files.readString(keyFile)),
                "linux-app-image", "0.2.0", ReleaseSignature.sha256(pkg));
        assertTrue(ReleaseSignature.verify(List.of(publicKey), "linux-app-image", "0.2.0", SHA, signature));
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
