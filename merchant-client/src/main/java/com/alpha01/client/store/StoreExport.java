package com.alpha01.client.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The local store in one file, for a backup or a move to another PC (设置 → 备份与迁移): every record, sealed
 * with a key derived from a passphrase the staff member chooses (PBKDF2-HMAC-SHA256 with a random salt,
 * AES-256-GCM over the whole file, so a wrong passphrase and a damaged or altered file are both refused before
 * anything is written). This PC's sign-in, device registration and unsent replies stay out of it: they belong
 * to this installation (a copy of the sign-in would be a password-free session on another PC).
 */
public final class StoreExport {

    /** Records that stay on this PC. */
    static final Set<String> KEPT_HERE = Set.of("session", "registration", "outbox");
    static final int MIN_PASSPHRASE = 8;
    static final int ITERATIONS = 310_000;
    private static final byte[] MAGIC = {'A', '0', '1', 'X', 1};
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;

    /** A wrong passphrase, or a file that is not an intact export. */
    public static final class ExportException extends IOException {
        private final String code;

        ExportException(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        /** {@code PASSPHRASE_TOO_SHORT}, {@code WRONG_PASSPHRASE} (or altered file), {@code NOT_AN_EXPORT}. */
        public String code() {
            return code;
        }
    }

    private StoreExport() {
    }

    /** Writes every record but {@link #KEPT_HERE} to {@code file}; returns how many. */
    public static int export(EncryptedStore store, Path file, char[] passphrase) throws IOException {
        requireLength(passphrase);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        int count = 0;
        try (DataOutputStream out = new DataOutputStream(plain)) {
            for (String name : store.names()) {
                if (KEPT_HERE.contains(name)) {
                    continue;
                }
                byte[] value = store.get(name).orElse(null);
                if (value == null) {
                    continue;
                }
                out.writeUTF(name);
                out.writeInt(value.length);
                out.write(value);
                count++;
            }
        }
        byte[] salt = random(SALT_BYTES);
        byte[] nonce = random(NONCE_BYTES);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(MAGIC);
            sealed = cipher.doFinal(plain.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing from the JDK", e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(tmp, ByteBuffer.allocate(MAGIC.length + SALT_BYTES + NONCE_BYTES + sealed.length)
                .put(MAGIC).put(salt).put(nonce).put(sealed).array());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return count;
    }

    /**
     * Reads {@code file} with {@code passphrase} and puts its records into {@code store} (replacing those of the
     * same name; nothing is written unless the whole file opened); returns how many.
     */
    public static int importInto(EncryptedStore store, Path file, char[] passphrase) throws IOException {
        requireLength(passphrase);
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + SALT_BYTES + NONCE_BYTES + 16 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new ExportException("NOT_AN_EXPORT", file.getFileName() + " is not an Alpha 01 export", null);
        }
        byte[] salt = Arrays.copyOfRange(all, MAGIC.length, MAGIC.length + SALT_BYTES);
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(passphrase, salt),
                    new GCMParameterSpec(128, all, MAGIC.length + SALT_BYTES, NONCE_BYTES));
            cipher.updateAAD(MAGIC);
            int offset = MAGIC.length + SALT_BYTES + NONCE_BYTES;
            plain = cipher.doFinal(all, offset, all.length - offset);
        } catch (AEADBadTagException e) {
            throw new ExportException("WRONG_PASSPHRASE", "wrong passphrase, or the file was damaged or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing from the JDK", e);
        }
        Map<String, byte[]> records = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            while (in.available() > 0) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new ExportException("NOT_AN_EXPORT", "the export's contents are cut short", null);
                }
                records.put(name, in.readNBytes(length));
            }
        }
        for (String name : records.keySet()) {
            if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}") || name.startsWith("store.")) {
                throw new ExportException("NOT_AN_EXPORT", "the export holds a record this app does not keep", null);
            }
        }
        for (Map.Entry<String, byte[]> r : records.entrySet()) {
            if (!KEPT_HERE.contains(r.getKey())) {
                store.put(r.getKey(), r.getValue());
            }
        }
        return records.size();
    }

    private static void requireLength(char[] passphrase) throws ExportException {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new ExportException("PASSPHRASE_TOO_SHORT", "the passphrase needs at least " + MIN_PASSPHRASE
                    + " characters", null);
        }
    }

    private static SecretKey key(char[] passphrase, byte[] salt) {
        return StoreKey.pbkdf2(passphrase, salt, ITERATIONS);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
