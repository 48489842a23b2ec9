package com.alpha01.server.platform.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one reader of the server's settings, for ejb-module and web-module alike. A setting has a
 * dotted key such as {@code public.url}; its value is, in this order of precedence:
 * <ol>
 *   <li>the environment variable {@code ALPHA01_PUBLIC_URL} (upper case, {@code .} and {@code -} as {@code _}),</li>
 *   <li>else the system property {@code alpha01.public.url},</li>
 *   <li>else the caller's default.</li>
 * </ol>
 * The environment wins because it is how operators, the dev stack and the tests configure a server
 * (the WildFly CLI scripts read the same variables); a system property is the fallback for a server
 * whose environment cannot be set. A blank value counts as unset. The table of settings is in the README.
 */
public final class Settings {

    private static final Settings SYSTEM = new Settings(System::getenv, System::getProperty);

    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> properties;

    /** A reader over other sources than this process's (tests). */
    Settings(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        this.environment = environment;
        this.properties = properties;
    }

    /** A reader over other sources than this process's, e.g. a test's map. */
    public static Settings of(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        return new Settings(environment, properties);
    }

    /** This process's environment and system properties. */
    public static Settings system() {
        return SYSTEM;
    }

    /** The value of {@code key}, or empty when neither source sets it (or sets it blank). */
    public Optional<String> text(String key) {
        String value = environment.apply(environmentName(key));
        if (value == null || value.isBlank()) {
            value = properties.apply(propertyName(key));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The whole number set for {@code key}, or {@code fallback} when unset or not a number. */
    public long number(String key, long fallback) {
        try {
            return text(key).map(v -> Long.parseLong(v.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code public.url} → {@code ALPHA01_PUBLIC_URL}. */
    static String environmentName(String key) {
        return "ALPHA01_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** {@code public.url} → {@code alpha01.public.url}. */
    static String propertyName(String key) {
        return "alpha01." + key.toLowerCase(Locale.ROOT);
    }
}
