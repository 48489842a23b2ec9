package com.alpha01.server.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings reading(Map<String, String> environment, Map<String, String> properties) {
        return new Settings(environment::get, properties::get);
    }

    @Test
    void the_environment_wins_over_the_system_property() {
        Settings settings = reading(Map.of("ALPHA01_PUBLIC_URL", "https://env.example"),
                Map.of("alpha01.public.url", "https://property.example"));

        assertEquals(Optional.of("https://env.example"), settings.text("public.url"));
    }

    @Test
    void the_system_property_counts_when_the_environment_leaves_the_setting_unset_or_blank() {
        Map<String, String> properties = Map.of("alpha01.client.download.url", "https://property.example/app");

        assertEquals(Optional.of("https://property.example/app"),
                reading(Map.of(), properties).text("client.download.url"));
        assertEquals(Optional.of("https://property.example/app"),
                reading(Map.of("ALPHA01_CLIENT_DOWNLOAD_URL", "  "), properties).text("client.download.url"));
    }

    @Test
    void neither_source_or_blank_values_give_the_default() {
        Settings settings = reading(Map.of("ALPHA01_ZONE", ""), Map.of("alpha01.zone", " "));

        assertEquals(Optional.empty(), settings.text("zone"));
        assertEquals(15, settings.number("failover.grace.seconds", 15));
    }

    @Test
    void numbers_are_read_trimmed_and_a_malformed_one_falls_back_to_the_default() {
        assertEquals(3, reading(Map.of("ALPHA01_DELIVERY_RETRY_SECONDS", " 3 "), Map.of())
                .number("delivery.retry.seconds", 10));
        assertEquals(10, reading(Map.of("ALPHA01_DELIVERY_RETRY_SECONDS", "three"), Map.of())
                .number("delivery.retry.seconds", 10));
        assertEquals(7, reading(Map.of(), Map.of("alpha01.delivery.retry.seconds", "7"))
                .number("delivery.retry.seconds", 10));
    }

    @Test
    void a_dotted_key_names_the_variable_and_the_property() {
        assertEquals("ALPHA01_KC_SERVER_SECRET", Settings.environmentName("kc.server.secret"));
        assertEquals("ALPHA01_CLIENT_LATEST_VERSION", Settings.environmentName("client.latest-version"));
        assertEquals("alpha01.kc.server.secret", Settings.propertyName("kc.server.secret"));
    }
}
