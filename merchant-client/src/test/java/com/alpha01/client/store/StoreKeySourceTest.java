package com.alpha01.client.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the store's key comes from, against a real GNOME Keyring on a private session bus: a new
 * store keeps a random key there and nothing of it in the folder; an old store stays machine-bound;
 * a store whose keystore is gone fails with a clear error; a passphrase wins over both.
 */
class StoreKeySourceTest {

    private static final String SECRET_TEXT = "顾客手机 13800138000 的订单";

    @TempDir
    Path tmp;

    private PrivateKeyring keyring;

    @BeforeEach
    void start() throws Exception {
        keyring = PrivateKeyring.start(tmp.resolve("home"));
    }

    @AfterEach
    void stop() {
        keyring.close();
    }

    @Test
    void a_new_store_keeps_a_random_key_in_the_desktop_keystore_and_none_in_its_folder() throws Exception {
        Path dir = tmp.resolve("store");

        StoreKey key = StoreKey.forStore(dir, keyring.environment());
        EncryptedStore.open(dir, key).putString("cache", SECRET_TEXT);

        assertEquals("os-keystore", key.kind());
        String recorded = Files.readString(dir.resolve(StoreKey.SOURCE_FILE)).strip();
        assertTrue(recorded.matches("os-keystore [0-9a-f-]{36}"), recorded);
        String id = recorded.substring(recorded.indexOf(' ') + 1);
        String secret = OsKeystore.detect(keyring.environment()).orElseThrow().lookup(id).orElseThrow();
        assertTrue(secret.length() >= 43, "256 random bits");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(secret) || bytes.contains("13800138000"), f + " holds the key or the text");
            }
        }

        StoreKey again = StoreKey.forStore(dir, keyring.environment());
        assertEquals(Optional.of(SECRET_TEXT), EncryptedStore.open(dir, again).getString("cache"));
        EncryptedStore.StoreException machine = assertThrows(EncryptedStore.StoreException.class,
                () -> EncryptedStore.open(dir, StoreKey.machineBound()), "the machine-bound key does not open it");
        assertTrue(machine.getMessage().contains("another key"), machine.getMessage());
    }

    @Test
    void without_the_keystore_such_a_store_fails_clearly_instead_of_switching_keys() throws Exception {
        Path dir = tmp.resolve("store");
        EncryptedStore.open(dir, StoreKey.forStore(dir, keyring.environment())).putString("cache", SECRET_TEXT);
        keyring.close();

        Map<String, String> noBus = Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString());
        IOException noSession = assertThrows(IOException.class, () -> StoreKey.forStore(dir, noBus));
        IOException busGone = assertThrows(IOException.class, () -> StoreKey.forStore(dir, keyring.environment()));

        assertTrue(noSession.getMessage().contains("desktop keystore"), noSession.getMessage());
        assertTrue(busGone.getMessage().contains("desktop keystore"), busGone.getMessage());
        assertEquals(List.of("os-keystore"), List.of(Files.readString(dir.resolve(StoreKey.SOURCE_FILE)).split(" ")[0]),
                "the recorded source is kept for when the keystore is back");
    }

    @Test
    void a_store_made_before_key_sources_were_recorded_stays_machine_bound() throws Exception {
        Path dir = tmp.resolve("store");
        EncryptedStore.open(dir, StoreKey.machineBound()).putString("cache", SECRET_TEXT);

        StoreKey key = StoreKey.forStore(dir, keyring.environment());

        assertEquals("machine", key.kind());
        assertEquals(Optional.of(SECRET_TEXT), EncryptedStore.open(dir, key).getString("cache"));
    }

    @Test
    void without_a_keystore_a_new_store_is_machine_bound_and_a_passphrase_wins_over_both() throws Exception {
        Path plain = tmp.resolve("plain");
        StoreKey machine = StoreKey.forStore(plain, Map.of("PATH", "/usr/bin:/bin"));
        assertEquals("machine", machine.kind());
        assertEquals("machine", Files.readString(plain.resolve(StoreKey.SOURCE_FILE)).strip());

        Map<String, String> withPassphrase = new java.util.HashMap<>(keyring.environment());
        withPassphrase.put("ALPHA01_STORE_PASSPHRASE", "correct horse battery");
        assertEquals("passphrase", StoreKey.forStore(tmp.resolve("p"), withPassphrase).kind());
    }
}
