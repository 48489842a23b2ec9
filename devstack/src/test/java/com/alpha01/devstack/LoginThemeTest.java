package com.alpha01.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login theme reaches Keycloak's providers folder as a theme JAR, once per change. */
class LoginThemeTest {

    @Test
    void the_theme_jar_lands_in_providers_with_its_descriptor_pages_and_both_languages(@TempDir Path home) throws Exception {
        Path providers = home.resolve("providers");
        assertTrue(LoginTheme.installInto(providers));

        Path jar = providers.resolve(LoginTheme.FILE);
        List<String> entries = LoginTheme.entries(jar);
        assertTrue(entries.containsAll(List.of("/META-INF/keycloak-themes.json", "/theme/alpha01/login/theme.properties",
                "/theme/alpha01/login/resources/css/alpha01.css", "/theme/alpha01/login/resources/js/alpha01.js",
                "/theme/alpha01/login/messages/messages_zh_CN.properties",
                "/theme/alpha01/login/messages/messages_en.properties")), entries.toString());
        Properties theme = new Properties();
        try (var in = LoginTheme.class.getClassLoader().getResourceAsStream("theme/alpha01/login/theme.properties")) {
            theme.load(in);
        }
        assertEquals("keycloak.v2", theme.getProperty("parent"));
        assertEquals("zh-CN,en", theme.getProperty("locales"));
        assertTrue(theme.getProperty("styles").contains("css/alpha01.css"));
    }

    @Test
    void the_same_theme_again_leaves_the_file_alone_so_keycloak_need_not_rebuild(@TempDir Path home) throws Exception {
        Path providers = home.resolve("providers");
        LoginTheme.installInto(providers);
        Path jar = providers.resolve(LoginTheme.FILE);
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(jar, old);

        LoginTheme.installInto(providers);

        assertEquals(old, Files.getLastModifiedTime(jar));
        try (var files = Files.list(providers)) {
            assertEquals(List.of(jar), files.toList(), "no temporary file left behind");
        }
    }
}
