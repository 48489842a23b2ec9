package com.alpha01.client.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the store's key comes from. Nothing secret is written beside the data: the key is derived
 * (PBKDF2-HMAC-SHA256, a random per-store salt) from either a passphrase the user gives, or a
 * machine-bound secret (the OS's machine id and the user's account), so that the folder copied to
 * another computer or account cannot be read. A passphrase is the stronger choice.
 */
public final class StoreKey {

    private static final int ITERATIONS = 210_000;
    private static final List<Path> MACHINE_IDS = List.of(Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id"));

    private final char[] material;
    private final String kind;

    private StoreKey(char[] material, String kind) {
        this.material = material;
        this.kind = kind;
    }

    /** From a passphrase ({@code ALPHA01_STORE_PASSPHRASE}, or asked for by the app). */
    public static StoreKey passphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < 8) {
            throw new IllegalArgumentException("the passphrase needs at least 8 characters");
        }
        return new StoreKey(passphrase.clone(), "passphrase");
    }

    /** Bound to this machine and OS account. */
    public static StoreKey machineBound() throws IOException {
        String machine = null;
        for (Path id : MACHINE_IDS) {
            if (Files.isReadable(id)) {
                machine = Files.readString(id, StandardCharsets.UTF_8).strip();
                break;
            }
        }
        if (machine == null || machine.isEmpty()) {
            machine = System.getenv().getOrDefault("COMPUTERNAME", java.net.InetAddress.getLocalHost().getHostName());
        }
        return machineBound(machine, System.getProperty("user.name", ""));
    }

    /** The same from given parts (tests: "another machine"). */
    static StoreKey machineBound(String machineId, String account) {
        return new StoreKey(("alpha01-store|" + machineId + "|" + account).toCharArray(), "machine");
    }

    /** The preferred key: the passphrase when one is set, else the machine-bound one. */
    public static StoreKey fromEnvironment() throws IOException {
        String passphrase = System.getenv("ALPHA01_STORE_PASSPHRASE");
        return passphrase == null || passphrase.isEmpty() ? machineBound() : passphrase(passphrase.toCharArray());
    }

    String kind() {
        return kind;
    }

    SecretKey derive(byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(material, salt, ITERATIONS, 256);
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(bytes, "AES");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 missing from the JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
