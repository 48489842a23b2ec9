package com.alpha01.client.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Named records (settings, API keys, conversation cache, outbox) in one folder, each file
 * encrypted with AES-256-GCM: a fresh 96-bit nonce per write, the record's name as associated
 * data (a file renamed or swapped does not decrypt), writes atomic (temporary file, then move).
 * The folder holds a random salt and a check record, never the key ({@link StoreKey}).
 */
public final class EncryptedStore {

    /** The store cannot be read with this key, or a record is damaged. */
    public static final class StoreException extends IOException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final byte[] MAGIC = {'A', '0', '1', 'S', 1};
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final String SALT = "store.salt";
    private static final String CHECK = "store.check";
    private static final byte[] CHECK_VALUE = "alpha01 store".getBytes(StandardCharsets.UTF_8);

    private final Path dir;
    private final SecretKey key;
    private final String keyKind;
    private final SecureRandom random = new SecureRandom();

    private EncryptedStore(Path dir, SecretKey key, String keyKind) {
        this.dir = dir;
        this.key = key;
        this.keyKind = keyKind;
    }

    /**
     * Opens (or creates) the store in {@code dir}. Fails with {@link StoreException} when the
     * folder was made with another key (another passphrase, machine or account).
     */
    public static EncryptedStore open(Path dir, StoreKey keySource) throws IOException {
        Files.createDirectories(dir);
        Path saltFile = dir.resolve(SALT);
        if (!Files.exists(saltFile)) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            writeAtomically(saltFile, salt);
        }
        EncryptedStore store = new EncryptedStore(dir, keySource.derive(Files.readAllBytes(saltFile)), keySource.kind());
        Optional<byte[]> check = store.get(CHECK);
        if (check.isEmpty()) {
            store.put(CHECK, CHECK_VALUE);
        } else if (!Arrays.equals(check.get(), CHECK_VALUE)) {
            throw new StoreException("the local store's check record is wrong", null);
        }
        return store;
    }

    /** Where the key came from: "passphrase", "os-keystore" or "machine" ({@link StoreKey#kind()}). */
    public String keyKind() {
        return keyKind;
    }

    public void put(String name, byte[] plain) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(checkName(name).getBytes(StandardCharsets.UTF_8));
            sealed = cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing from the JDK", e);
        }
        writeAtomically(file(name), ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length)
                .put(MAGIC).put(nonce).put(sealed).array());
    }

    public void putString(String name, String text) throws IOException {
        put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The record, or empty when there is none; {@link StoreException} when it is damaged or not ours. */
    public Optional<byte[]> get(String name) throws IOException {
        Path file = file(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new StoreException("local record '" + name + "' is not in the store's format", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(all, MAGIC.length + NONCE_BYTES, all.length - MAGIC.length - NONCE_BYTES));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new StoreException("local record '" + name + "' cannot be read: damaged, or made with another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing from the JDK", e);
        }
    }

    public Optional<String> getString(String name) throws IOException {
        return get(name).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public void delete(String name) throws IOException {
        Files.deleteIfExists(file(name));
    }

    /** The names of the records the store holds (its own salt and check record excepted), sorted. */
    public java.util.List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".a01"))
                    .map(n -> n.substring(0, n.length() - 4)).filter(n -> NAME.matcher(n).matches() && !n.equals(CHECK))
                    .sorted().toList();
        }
    }

    private Path file(String name) {
        return dir.resolve(checkName(name) + ".a01");
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("record names are 1-64 characters of a-z, 0-9, '.', '_' and '-'");
        }
        return name;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".write-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
