package com.alpha01.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keycloak from {@code org.keycloak:keycloak-quarkus-dist} in dev mode ({@code start-dev}, its
 * embedded H2 under {@code home/data}), on 127.0.0.1, with the project's realm imported on first
 * start (an existing realm is kept).
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    public static final String REALM = "alpha01";

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Unpacks the distribution zip into {@code home} unless it is there already. */
    public static void install(Path zip, Path home) throws IOException {
        if (Zips.unpackOnce(zip, home, "bin/kc.sh")) {
            LOG.infof("Keycloak unpacked to %s", home);
        }
    }

    /** Forgets every realm, user and session (the dev-mode H2 database), so the next start imports afresh. */
    public static void resetData(Path home) throws IOException {
        Zips.deleteTree(home.resolve("data/h2"));
    }

    /**
     * Keycloak imports the realm file only into an empty database, so when the file changed since
     * the last start the dev data is reset (accounts made since are lost; the demo ones come back).
     * Returns whether it was.
     */
    public static boolean resetDataIfRealmChanged(Path home, Path realm) throws IOException {
        Path marker = home.resolve("data/.alpha01-realm");
        String fingerprint = Integer.toHexString(Files.readString(realm).hashCode());
        boolean changed = Files.exists(home.resolve("data/h2"))
                && !(Files.exists(marker) && Files.readString(marker).equals(fingerprint));
        if (changed) {
            resetData(home);
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, fingerprint);
        return changed;
    }

    /**
     * Starts {@code kc.sh start-dev}; the realm file is copied into {@code data/import}. Returns once
     * {@code /health/ready} answers 200 on the management port.
     */
    public static KeycloakServer start(Path home, Path realm, int port, int managementPort, String adminPassword,
            Duration timeout) throws IOException, InterruptedException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realm, imports.resolve("alpha01-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Path log = home.resolve("alpha01-console.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--import-realm", "--cache=local"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        pb.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        LOG.infof("Starting Keycloak on 127.0.0.1:%d, log %s", port, log);
        KeycloakServer server = new KeycloakServer(pb.start(), port);
        try {
            server.awaitReady(managementPort, timeout, log);
        } catch (IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(int managementPort, Duration timeout, Path log) throws IOException, InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited during start; see " + log);
            }
            if (Processes.httpStatus(health) == 200) {
                LOG.infof("Keycloak ready on port %d", port);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IOException("Keycloak not ready within " + timeout + "; see " + log);
    }

    public URI issuer() {
        return URI.create("http://127.0.0.1:" + port + "/realms/" + REALM);
    }

    public long pid() {
        return process.pid();
    }

    /** Whether its process still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }
}
