package com.alpha01.client.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store on a real disk: what is written can be read back, and nothing readable is on disk. */
class EncryptedStoreTest {

    private static final String MESSAGE = "{\"text\":\"顾客问：燕麦拿铁多少钱？手机 13800138000\"}";
    private static final String API_KEY = "zhipu-3f9a1c7e5b2d4068a1b2c3d4e5f60718.QwErTy";

    @TempDir
    Path dir;

    private final StoreKey here = StoreKey.machineBound("machine-a", "shop");

    @Test
    void records_survive_reopening_and_no_plaintext_or_key_is_on_disk() throws Exception {
        EncryptedStore store = EncryptedStore.open(dir, here);
        store.putString("conversations", MESSAGE);
        store.putString("settings.zhipu-key", API_KEY);
        store.putString("outbox", "[" + MESSAGE + "]");

        EncryptedStore reopened = EncryptedStore.open(dir, here);
        assertEquals(Optional.of(MESSAGE), reopened.getString("conversations"));
        assertEquals(Optional.of(API_KEY), reopened.getString("settings.zhipu-key"));
        assertEquals(Optional.empty(), reopened.getString("never-written"));

        byte[] salt = Files.readAllBytes(dir.resolve("store.salt"));
        byte[] key = here.derive(salt).getEncoded();
        for (byte[] file : allFiles()) {
            for (String secret : List.of(MESSAGE, API_KEY, "燕麦拿铁", "13800138000", "zhipu-3f9a")) {
                assertFalse(contains(file, secret.getBytes(StandardCharsets.UTF_8)), "plaintext on disk: " + secret);
            }
            assertFalse(contains(file, key), "the key itself is on disk");
        }
    }

    @Test
    void a_damaged_or_swapped_record_is_refused_not_misread() throws Exception {
        EncryptedStore store = EncryptedStore.open(dir, here);
        store.putString("a", "first");
        store.putString("b", "second");
        Files.copy(dir.resolve("a.a01"), dir.resolve("b.a01"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThrows(EncryptedStore.StoreException.class, () -> store.get("b"), "a record moved under another name");

        byte[] bytes = Files.readAllBytes(dir.resolve("a.a01"));
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(dir.resolve("a.a01"), bytes);
        assertThrows(EncryptedStore.StoreException.class, () -> store.get("a"));
    }

    @Test
    void another_machine_account_or_passphrase_cannot_open_it() throws Exception {
        EncryptedStore.open(dir, here).putString("conversations", MESSAGE);
        assertThrows(EncryptedStore.StoreException.class,
                () -> EncryptedStore.open(dir, StoreKey.machineBound("machine-b", "shop")));
        assertThrows(EncryptedStore.StoreException.class,
                () -> EncryptedStore.open(dir, StoreKey.machineBound("machine-a", "someone-else")));

        Path other = dir.resolve("with-passphrase");
        EncryptedStore.open(other, StoreKey.passphrase("correct horse battery".toCharArray())).putString("x", API_KEY);
        assertThrows(EncryptedStore.StoreException.class,
                () -> EncryptedStore.open(other, StoreKey.passphrase("wrong horse battery".toCharArray())));
        assertEquals(Optional.of(API_KEY), EncryptedStore.open(other,
                StoreKey.passphrase("correct horse battery".toCharArray())).getString("x"));
        assertThrows(IllegalArgumentException.class, () -> StoreKey.passphrase("short".toCharArray()));
    }

    @Test
    void record_names_cannot_reach_outside_the_folder() throws Exception {
        EncryptedStore store = EncryptedStore.open(dir, here);
        for (String bad : List.of("../escape", "a/b", "", "UPPER", "x".repeat(65))) {
            assertThrows(IllegalArgumentException.class, () -> store.putString(bad, "x"), bad);
        }
        assertTrue(Files.notExists(dir.getParent().resolve("escape.a01")));
    }

    private List<byte[]> allFiles() throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.add(Files.readAllBytes(f));
            }
        }
        assertTrue(out.size() >= 4, "salt, check and three records");
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
