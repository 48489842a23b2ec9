package com.alpha01.client.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Where the store's key comes from. Nothing secret is written beside the data: the key is derived
 * (PBKDF2-HMAC-SHA256, a random per-store salt) from a passphrase the user gives, or from a random
 * secret kept in the desktop's keystore ({@link OsKeystore}), or from a machine-bound secret (the
 * OS's machine id and the user's account), so that the folder copied to another computer or
 * account cannot be read. {@link #forStore} picks one and remembers the choice in the folder
 * ({@value #SOURCE_FILE}, which names the source, never a key).
 */
public final class StoreKey {

    /** The file in the store's folder naming its key source: {@code os-keystore <id>} or {@code machine}. */
    static final String SOURCE_FILE = "store.keysource";
    private static final String OS_KEYSTORE = "os-keystore";
    private static final String MACHINE = "machine";
    private static final Logger LOG = Logger.getLogger(StoreKey.class);
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
        return new StoreKey(("alpha01-store|" + machineId + "|" + account).toCharArray(), MACHINE);
    }

    /**
     * The key of the store in {@code dir}: {@code ALPHA01_STORE_PASSPHRASE} when set; else for a new
     * store a random secret put in the desktop keystore when there is one, else the machine-bound
     * key; for an existing store what it was made with (a store from before keystores is
     * machine-bound). A store whose key is in the keystore does not open while the keystore is
     * locked or gone: that is a clear error, not a silent switch to another key.
     */
    public static StoreKey forStore(Path dir, Map<String, String> environment) throws IOException {
        String passphrase = environment.get("ALPHA01_STORE_PASSPHRASE");
        if (passphrase != null && !passphrase.isEmpty()) {
            return passphrase(passphrase.toCharArray());
        }
        Path source = dir.resolve(SOURCE_FILE);
        if (Files.exists(source)) {
            String[] recorded = Files.readString(source, StandardCharsets.UTF_8).strip().split(" ");
            if (recorded.length == 2 && OS_KEYSTORE.equals(recorded[0])) {
                OsKeystore keystore = OsKeystore.detect(environment).orElseThrow(() -> new EncryptedStore.StoreException(
                        "the key of " + dir + " is in the desktop keystore, which is not reachable (no session bus or "
                                + "secret-tool); sign in to the desktop session that made it", null));
                String secret = keystore.lookup(recorded[1]).orElseThrow(() -> new EncryptedStore.StoreException(
                        "the desktop keystore has no key for " + dir + " (removed, or another account)", null));
                return new StoreKey(secret.toCharArray(), OS_KEYSTORE);
            }
            return machineBound();
        }
        if (Files.exists(dir.resolve(EncryptedStore.SALT))) {
            return machineBound(); // made before the key source was recorded
        }
        Files.createDirectories(dir);
        Optional<OsKeystore> keystore = OsKeystore.detect(environment);
        if (keystore.isPresent()) {
            String id = UUID.randomUUID().toString();
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                keystore.get().store(id, secret);
                if (keystore.get().lookup(id).filter(secret::equals).isPresent()) {
                    Files.writeString(source, OS_KEYSTORE + " " + id + "\n", StandardCharsets.UTF_8);
                    return new StoreKey(secret.toCharArray(), OS_KEYSTORE);
                }
            } catch (OsKeystore.KeystoreException e) {
                LOG.warnf("Desktop keystore not usable, the local store's key is bound to this machine: %s",
                        e.getMessage());
            }
        }
        Files.writeString(source, MACHINE + "\n", StandardCharsets.UTF_8);
        return machineBound();
    }

    /** "passphrase", "os-keystore" or "machine": where this key came from (the 状态 screen shows it). */
    public String kind() {
        return kind;
    }

    SecretKey derive(byte[] salt) {
        return pbkdf2(material, salt, ITERATIONS);
    }

    /** An AES-256 key from {@code secret} by PBKDF2-HMAC-SHA256 (the store's key, and an export's). */
    static SecretKey pbkdf2(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
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
