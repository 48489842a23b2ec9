package com.alpha01.client.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {

    private static final StoreKey KEY = StoreKey.passphrase("settings-test".toCharArray());

    @TempDir
    Path home;

    private AppSettings open() throws Exception {
        return new AppSettings(EncryptedStore.open(home.resolve("store"), KEY), new ClientSettings(home));
    }

    @Test
    void the_glass_look_comes_from_ui_glass_and_is_auto_unless_blur_or_flat() throws Exception {
        assertEquals("auto", open().glass());
        Files.writeString(home.resolve("client.properties"), "ui.glass=flat\n");
        assertEquals("flat", open().glass());
        Files.writeString(home.resolve("client.properties"), "ui.glass=frosted\n");
        assertEquals("auto", open().glass(), "an unknown look leaves the choice to the page");
    }

    @Test
    void saved_settings_survive_a_restart_and_the_key_is_never_shown_or_stored_in_plain_text() throws Exception {
        AppSettings settings = open();
        boolean restart = settings.save(Json.createObjectBuilder().add("serverUrl", "https://a.example.cn, https://b.example.cn")
                .add("capacity", 30).add("zhipuModel", "glm-4-air").add("zhipuKey", "sk-secret-key-7f3a")
                .add("language", "en").build());
        assertTrue(restart, "a new server URL applies at the next start");

        AppSettings again = open();
        assertEquals(List.of(URI.create("https://a.example.cn"), URI.create("https://b.example.cn")), again.serverUrls());
        assertEquals(30, again.capacity().orElseThrow());
        assertEquals("glm-4-air", again.zhipuModel());
        assertEquals("en", again.language());
        assertEquals("sk-secret-key-7f3a", again.zhipuKey().orElseThrow());

        JsonObject ui = again.forUi("demo-staff");
        assertFalse(ui.toString().contains("sk-secret"), ui.toString());
        assertEquals("7f3a", ui.getString("zhipuKeyHint"));
        assertTrue(ui.getBoolean("zhipuKeySet"));
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("sk-secret-key"), f + " holds the key in plain text");
                assertFalse(content.contains("glm-4-air"), f + " holds settings in plain text");
            }
        }
    }

    @Test
    void an_empty_key_keeps_the_saved_one_and_language_changes_need_no_restart() throws Exception {
        AppSettings settings = open();
        settings.save(Json.createObjectBuilder().add("zhipuKey", "sk-keep-me-0001").build());
        assertFalse(settings.save(Json.createObjectBuilder().add("zhipuKey", "").add("language", "en").build()));
        assertEquals("sk-keep-me-0001", settings.zhipuKey().orElseThrow());
    }

    @Test
    void invalid_values_are_refused_with_the_field_and_nothing_is_saved() throws Exception {
        AppSettings settings = open();
        for (JsonObject bad : List.of(
                Json.createObjectBuilder().add("serverUrl", "ftp://shop.example").build(),
                Json.createObjectBuilder().add("serverUrl", "not a url").build(),
                Json.createObjectBuilder().add("capacity", 0).build(),
                Json.createObjectBuilder().add("capacity", 2.5).build(),
                Json.createObjectBuilder().add("language", "fr").build(),
                Json.createObjectBuilder().add("zhipuModel", "glm<script>").build(),
                Json.createObjectBuilder().add("zhipuBaseUrl", "javascript:alert(1)").build(),
                Json.createObjectBuilder().add("deviceName", "x".repeat(61)).build())) {
            AppSettings.InvalidSetting e = assertThrows(AppSettings.InvalidSetting.class, () -> settings.save(bad),
                    bad.toString());
            assertTrue(bad.containsKey(e.field()), e.field() + " for " + bad);
        }
        assertEquals("http://127.0.0.1:8080", open().serverUrls().get(0).toString());
        assertEquals(AppSettings.DEFAULT_MODEL, open().zhipuModel());
    }
}
