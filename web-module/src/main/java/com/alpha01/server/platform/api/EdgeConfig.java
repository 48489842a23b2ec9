package com.alpha01.server.platform.api;

import java.util.Optional;

/**
 * Settings of the web edge: system property {@code alpha01.x.y}, else environment variable
 * {@code ALPHA01_X_Y}. The table of all settings is in the README.
 */
public final class EdgeConfig {

    private EdgeConfig() {
    }

    public static Optional<String> get(String key) {
        String value = System.getProperty("alpha01." + key);
        if (value == null || value.isBlank()) {
            value = System.getenv("ALPHA01_" + key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The base URL customers reach the server at ({@code ALPHA01_PUBLIC_URL}), or the given fallback. */
    public static String publicUrl(String fallback) {
        return get("public.url").orElse(fallback);
    }
}
