package com.alpha01.protocol.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Ed25519 signature of a merchant client package (the JDK's own EdDSA). What is signed is not the file but a
 * short statement that binds it to its target and version: {@code alpha01-client-package\n<target>\n<version>\n
 * <sha-256 hex>\n}, so a signed old package cannot be offered as a newer version, nor a Windows package to a Mac.
 * The server checks a signature when an operator publishes a release; the app checks it again before it installs.
 */
public final class ReleaseSignature {

    private static final String ALGORITHM = "Ed25519";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ReleaseSignature() {
    }

    /** The statement signed for one package: target, version and the package's SHA-256 (lower-case hex). */
    public static byte[] statement(String target, String version, String sha256) {
        String hash = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 hexadecimal digits");
        }
        if (target == null || target.isBlank() || version == null || version.isBlank()
                || (target + version).contains("\n")) {
            throw new IllegalArgumentException("a package needs its target and version");
        }
        return ("alpha01-client-package\n" + target.strip() + "\n" + version.strip() + "\n" + hash + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Signs a package's statement; the base64 signature is what the operator publishes. */
    public static String sign(PrivateKey key, String target, String version, String sha256) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(statement(target, version, sha256));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} (base64) is one of {@code trusted} keys' signature of the package's statement. */
    public static boolean verify(List<PublicKey> trusted, String target, String version, String sha256,
                                 String signature) {
        byte[] statement;
        byte[] bytes;
        try {
            statement = statement(target, version, sha256);
            bytes = Base64.getDecoder().decode(signature == null ? "" : signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (PublicKey key : trusted) {
            try {
                Signature verifier = Signature.getInstance(ALGORITHM);
                verifier.initVerify(key);
                verifier.update(statement);
                if (verifier.verify(bytes)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature or another kind of key: not this key's signature
            }
        }
        return false;
    }

    /** A public key from its base64 X.509 (SubjectPublicKeyInfo) form, as {@link #encode(PublicKey)} writes it. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** A private key from its base64 PKCS#8 form (the release signer's). */
    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /**
     * The keys this build trusts ({@code release-keys.txt}, filled in by the release build); none in a build made
     * without them, or when the file holds something else than keys (then nothing is trusted, never a half list).
     */
    public static List<PublicKey> shippedKeys() {
        try (InputStream in = ReleaseSignature.class.getResourceAsStream("release-keys.txt")) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return publicKeys(text.replaceAll("(?m)^\\$\\{.*}$", ""));
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Public keys listed one per line (base64); blank lines and lines starting with {@code #} are skipped. */
    public static List<PublicKey> publicKeys(String lines) {
        List<PublicKey> keys = new ArrayList<>();
        for (String line : (lines == null ? "" : lines).split("[\\r\\n,]+")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                keys.add(publicKey(s));
            }
        }
        return List.copyOf(keys);
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A fresh SHA-256 digest (every JDK has it). */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a file, lower-case hex: what a release statement names and a download is checked against. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }

    /** Lower-case hex of a digest. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
