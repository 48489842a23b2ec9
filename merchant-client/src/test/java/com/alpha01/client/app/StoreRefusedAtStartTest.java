package com.alpha01.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher started on a store it cannot open (here: the wrong passphrase): it says why and
 * exits with 2 before any window or CEF, and the store is left as it was.
 */
class StoreRefusedAtStartTest {

    @TempDir
    Path home;

    @Test
    void a_store_made_with_another_key_stops_the_start_with_a_reason_and_is_not_touched() throws Exception {
        EncryptedStore.open(home.resolve("store"), StoreKey.passphrase("the-right-passphrase".toCharArray()))
                .putString("cache", "昨天的会话");
        List<Path> before;
        try (var files = Files.list(home.resolve("store"))) {
            before = files.sorted().toList();
        }

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "-Dorg.jboss.logging.provider=jdk", MerchantClientApp.class.getName())
                .redirectErrorStream(true);
        pb.environment().put("ALPHA01_HOME", home.toString());
        pb.environment().put("ALPHA01_STORE_PASSPHRASE", "a-wrong-passphrase");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the app did not stop");

        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("cannot be opened") && output.contains("another key"), output);
        assertFalse(output.contains("Exception in thread") || output.contains("\tat "), "no stack trace: " + output);
        try (var files = Files.list(home.resolve("store"))) {
            assertEquals(before, files.sorted().toList(), "nothing written to the store");
        }
        assertEquals(Optional.of("昨天的会话"), EncryptedStore.open(home.resolve("store"),
                StoreKey.passphrase("the-right-passphrase".toCharArray())).getString("cache"));
    }
}
