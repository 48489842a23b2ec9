package com.alpha01.protocol.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;

/**
 * The release manager's tool ({@code bin/alpha01-release}): {@code keygen <private-key-file>} makes an Ed25519 key
 * pair, writes the private key (owner-only) and prints the public key to ship in the app; {@code sign
 * <private-key-file> <target> <version> <package>} prints what the operator publishes for the package: its size,
 * SHA-256 and signature. The private key never leaves the file given (see docs/decisions.md, D60).
 */
public final class ReleaseSigner {

    private ReleaseSigner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("keygen")) {
            System.out.println(keygen(Path.of(args[1])));
        } else if (args.length == 5 && args[0].equals("sign")) {
            if (ReleaseTarget.of(args[2]).isEmpty() || !Versions.valid(args[3])) {
                System.err.println("the target is one of linux-app-image, linux-deb, windows-msi, macos-dmg,"
                        + " and the version dotted numbers (0.2.0)");
                System.exit(2);
            }
            PrivateKey key = ReleaseSignature.privateKey(Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII));
            Path file = Path.of(args[4]);
            String sha256 = ReleaseSignature.sha256(file);
            System.out.println("target=" + args[2]);
            System.out.println("version=" + args[3]);
            System.out.println("size=" + Files.size(file));
            System.out.println("sha256=" + sha256);
            System.out.println("signature=" + ReleaseSignature.sign(key, args[2], args[3], sha256));
        } else {
            System.err.println("usage: keygen <private-key-file> | sign <private-key-file> <target> <version> <package>");
            System.exit(2);
        }
    }

    /** Makes a key pair, writes the private key to {@code privateKeyFile} (refusing to overwrite one), returns the public key. */
    public static String keygen(Path privateKeyFile) throws IOException, GeneralSecurityException {
        if (Files.exists(privateKeyFile)) {
            throw new IOException(privateKeyFile + " exists; a key is never overwritten");
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createFile(privateKeyFile);
        try {
            Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file gets the folder's permissions; keep it in a folder only its owner reads
        }
        Files.writeString(privateKeyFile, ReleaseSignature.encode(pair.getPrivate()) + "\n", StandardCharsets.US_ASCII);
        return ReleaseSignature.encode(pair.getPublic());
    }
}
