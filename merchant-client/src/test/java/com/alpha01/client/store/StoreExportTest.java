package com.alpha01.client.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop PC's store exported with a passphrase and imported on another PC (another machine key): the
 * records come across, this PC's sign-in does not, and a wrong passphrase or a tampered file changes nothing.
 */
class StoreExportTest {

    private static final char[] PASSPHRASE = "柜台电脑-2026-迁移".toCharArray();

    @TempDir
    Path dir;

    private EncryptedStore oldPc() throws Exception {
        EncryptedStore store = EncryptedStore.open(dir.resolve("old"), StoreKey.machineBound("machine-a", "shop"));
        store.putString("settings", "{\"zhipuKey\":\"id.secret\",\"language\":\"zh-CN\"}");
        store.putString("kb.catalog", "价目表.pdf");
        store.put("kb.doc.1", new byte[] {0, 1, 2, (byte) 0xff});
        store.putString("session", "a-refresh-token");
        store.putString("registration", "{\"clientId\":\"c1\"}");
        return store;
    }

    @Test
    void records_move_to_another_pc_but_its_sign_in_and_registration_stay_behind() throws Exception {
        EncryptedStore old = oldPc();
        Path file = dir.resolve("export/shop.a01x");
        assertEquals(3, StoreExport.export(old, file, PASSPHRASE));
        byte[] bytes = Files.readAllBytes(file);
        assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("id.secret"), "sealed");

        EncryptedStore fresh = EncryptedStore.open(dir.resolve("new"), StoreKey.machineBound("machine-b", "shop"));
        fresh.putString("session", "the-new-pcs-own-session");
        assertEquals(3, StoreExport.importInto(fresh, file, PASSPHRASE));
        assertEquals(old.getString("settings"), fresh.getString("settings"));
        assertEquals("价目表.pdf", fresh.getString("kb.catalog").orElseThrow());
        assertTrue(java.util.Arrays.equals(new byte[] {0, 1, 2, (byte) 0xff}, fresh.get("kb.doc.1").orElseThrow()));
        assertEquals(Optional.of("the-new-pcs-own-session"), fresh.getString("session"), "its own sign-in is kept");
        assertEquals(Optional.empty(), fresh.getString("registration"));
        assertEquals(List.of("kb.catalog", "kb.doc.1", "session", "settings"), fresh.names());
    }

    @Test
    void a_wrong_passphrase_or_an_altered_file_is_refused_and_nothing_is_written() throws Exception {
        Path file = dir.resolve("shop.a01x");
        StoreExport.export(oldPc(), file, PASSPHRASE);
        EncryptedStore fresh = EncryptedStore.open(dir.resolve("new"), StoreKey.machineBound("machine-b", "shop"));

        StoreExport.ExportException wrong = assertThrows(StoreExport.ExportException.class,
                () -> StoreExport.importInto(fresh, file, "not-the-passphrase".toCharArray()));
        assertEquals("WRONG_PASSPHRASE", wrong.code());

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1;
        Path altered = dir.resolve("altered.a01x");
        Files.write(altered, bytes);
        assertEquals("WRONG_PASSPHRASE", assertThrows(StoreExport.ExportException.class,
                () -> StoreExport.importInto(fresh, altered, PASSPHRASE)).code());

        Path other = dir.resolve("notes.txt");
        Files.writeString(other, "just some notes, not an export at all");
        assertEquals("NOT_AN_EXPORT", assertThrows(StoreExport.ExportException.class,
                () -> StoreExport.importInto(fresh, other, PASSPHRASE)).code());
        assertEquals(List.of(), fresh.names(), "nothing was written by any of them");
    }

    @Test
    void a_short_passphrase_is_refused_before_anything_is_written() throws Exception {
        Path file = dir.resolve("short.a01x");
        assertEquals("PASSPHRASE_TOO_SHORT", assertThrows(StoreExport.ExportException.class,
                () -> StoreExport.export(oldPc(), file, "1234567".toCharArray())).code());
        assertFalse(Files.exists(file));
    }
}
