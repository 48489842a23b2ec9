package com.alpha01.client.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The desktop client's settings: environment variable {@code ALPHA01_X_Y} first, then
 * {@code ~/.alpha01/client.properties} ({@code x.y=…}), then the default. The device ID is
 * generated once and kept in the home folder.
 */
public final class ClientSettings {

    /**
     * This client's version: sent at registration, shown on 状态, compared by the update check. A package states
     * it ({@code -Dalpha01.version}, set by jpackage from the build's {@code package.version}); else 0.1.0.
     */
    public static final String VERSION = version(System.getProperty("alpha01.version"));

    static String version(String stated) {
        return stated != null && com.alpha01.protocol.release.Versions.valid(stated.strip()) ? stated.strip() : "0.1.0";
    }

    private final Path home;
    private final Properties file = new Properties();

    public ClientSettings(Path home) {
        this.home = home;
        Path props = home.resolve("client.properties");
        if (Files.isRegularFile(props)) {
            try (InputStream in = Files.newInputStream(props)) {
                file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + props, e);
            }
        }
    }

    /** {@code ALPHA01_HOME}, else {@code ~/.alpha01}. */
    public static ClientSettings load() {
        String dir = System.getenv("ALPHA01_HOME");
        return new ClientSettings(dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".alpha01")
                : Path.of(dir));
    }

    public Optional<String> get(String key) {
        String env = System.getenv("ALPHA01_" + key.toUpperCase().replace('.', '_').replace('-', '_'));
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        return Optional.ofNullable(file.getProperty(key)).filter(v -> !v.isBlank());
    }

    public Path home() {
        return home;
    }

    /** The server (the first, when {@code server.url} lists the nodes of a cluster, comma-separated). */
    public URI serverUrl() {
        return serverUrls().get(0);
    }

    /** {@code server.url}: one URL, or the nodes of a cluster without a load balancer, comma-separated. */
    public List<URI> serverUrls() {
        return parseUrls(get("server.url").orElse("http://127.0.0.1:8080"));
    }

    /** A comma-separated list of http(s) URLs; IllegalArgumentException for anything else. */
    static List<URI> parseUrls(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(u -> !u.isEmpty()).map(u -> {
            URI uri = URI.create(u);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + u);
            }
            return uri;
        }).toList();
    }

    public URI oidcUrl() {
        return URI.create(get("oidc.url").orElse("http://127.0.0.1:8180/realms/alpha01"));
    }

    /** A stable id for this installation, created on first use. */
    public String deviceId() {
        Path file = home.resolve("device-id");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(home);
            String id = "dev-" + UUID.randomUUID();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the device id in " + home, e);
        }
    }
}
