package com.alpha01.devstack;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
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
    private final String scheme;

    private KeycloakServer(Process process, int port, String scheme) {
        this.process = process;
        this.port = port;
        this.scheme = scheme;
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
     * Keycloak imports the realm file only into an empty database, so when the imported copy changed since
     * the last start the dev data is reset (accounts made since are lost; the demo ones come back).
     * Returns whether it was.
     */
    public static boolean resetDataIfRealmChanged(Path home, Path realm, Demo demo) throws IOException {
        Path marker = home.resolve("data/.alpha01-realm");
        // The copy that is imported: a new redirect origin (the stack moved to HTTPS) counts as a change.
        String fingerprint = Integer.toHexString(demoRealm(Files.readString(realm), demo).hashCode());
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
     * How the demo and the tests run Keycloak: {@code serverSecret} as the {@code alpha01-server} client's
     * secret, {@code tls} (null: plain HTTP) the certificate Keycloak serves, {@code appOrigins} the
     * application's own origins (e.g. {@code https://127.0.0.1:8443}) added to the public clients' redirect URIs.
     */
    public record Demo(String serverSecret, LocalCa tls, List<String> appOrigins) {
        public Demo {
            appOrigins = List.copyOf(appOrigins);
        }

        /** Plain HTTP, no origins beyond the realm's own. */
        public static Demo plain(String serverSecret) {
            return new Demo(serverSecret, null, List.of());
        }
    }

    /** {@link #start(Path, Path, int, int, String, Duration, Demo)} on plain HTTP. */
    public static KeycloakServer start(Path home, Path realm, int port, int managementPort, String adminPassword,
            Duration timeout, String serverSecret) throws IOException, InterruptedException {
        return start(home, realm, port, managementPort, adminPassword, timeout, Demo.plain(serverSecret));
    }

    /**
     * Starts {@code kc.sh start-dev}; the realm file goes into {@code data/import} as the demo and the
     * tests need it ({@link #demoRealm}). With {@code demo.tls()}, HTTPS on {@code port} (the management port
     * too; dev mode's plain listener is moved out of the way, to {@code managementPort + 1}). Returns once {@code /health/ready} answers 200 on the management port.
     */
    public static KeycloakServer start(Path home, Path realm, int port, int managementPort, String adminPassword,
            Duration timeout, Demo demo) throws IOException, InterruptedException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve("alpha01-realm.json"), demoRealm(Files.readString(realm), demo));
        // The realm's login theme; without it Keycloak falls back to its own pages (and says so in its log).
        if (!LoginTheme.installInto(home.resolve("providers"))) {
            LOG.warnf("The alpha01 login theme is not on the classpath: Keycloak shows its own sign-in pages");
        }
        Path log = home.resolve("alpha01-console.log");
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-management-port=" + managementPort,
                "--health-enabled=true", "--import-realm", "--cache=local"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (demo.tls() == null) {
            cmd.add("--http-port=" + port);
        } else {
            // start-dev always opens its plain HTTP listener as well (http-enabled=false is not honoured in dev
            // mode): it goes to the port after the management port, on 127.0.0.1, and nothing points at it.
            cmd.addAll(List.of("--https-port=" + port, "--http-port=" + (managementPort + 1),
                    "--https-key-store-file=" + demo.tls().serverKeyStore(), "--https-key-store-type=PKCS12"));
            // In the environment, not on the command line that ps shows.
            pb.environment().put("KC_HTTPS_KEY_STORE_PASSWORD", demo.tls().password());
        }
        pb.command(cmd);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        pb.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        String scheme = demo.tls() == null ? "http" : "https";
        LOG.infof("Starting Keycloak on %s://127.0.0.1:%d, log %s", scheme, port, log);
        KeycloakServer server = new KeycloakServer(pb.start(), port, scheme);
        try {
            server.awaitReady(managementPort, timeout, log, demo.tls() == null ? null : demo.tls().sslContext());
        } catch (IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * The committed realm is what production imports: no password grant on the public clients (people sign
     * in through the browser) and no secret for {@code alpha01-server} (Keycloak makes one; the deployment
     * sets it as {@code ALPHA01_KC_SERVER_SECRET}). The dev stack and the tests sign the merchant client and
     * their test users in by script, so their copy turns the password grant on for {@code customer-web} and
     * {@code merchant-client} and sets the server's secret to theirs.
     */
    static String demoRealm(String realmJson, Demo demo) {
        JsonObject realm = Json.createReader(new StringReader(realmJson)).readObject();
        JsonArrayBuilder clients = Json.createArrayBuilder();
        for (JsonValue v : realm.getJsonArray("clients")) {
            JsonObject client = v.asJsonObject();
            JsonObjectBuilder b = Json.createObjectBuilder(client);
            switch (client.getString("clientId")) {
                case "customer-web", "merchant-client" -> {
                    b.add("directAccessGrantsEnabled", true);
                    JsonArrayBuilder redirects = Json.createArrayBuilder(client.getJsonArray("redirectUris"));
                    demo.appOrigins().forEach(origin -> redirects.add(origin + "/*"));
                    b.add("redirectUris", redirects);
                }
                case "alpha01-server" -> b.add("secret", demo.serverSecret());
                default -> { }
            }
            clients.add(b);
        }
        return Json.createObjectBuilder(realm).add("clients", clients).build().toString();
    }

    private void awaitReady(int managementPort, Duration timeout, Path log, SSLContext tls)
            throws IOException, InterruptedException {
        URI health = URI.create(scheme + "://127.0.0.1:" + managementPort + "/health/ready");
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited during start; see " + log);
            }
            // The management interface inherits the main server's TLS; asked over plain HTTP too, in case it does not.
            if (Processes.httpStatus(health, tls) == 200
                    || tls != null && Processes.httpStatus(URI.create(health.toString().replaceFirst("^https", "http"))) == 200) {
                LOG.infof("Keycloak ready on port %d", port);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IOException("Keycloak not ready within " + timeout + "; see " + log);
    }

    public URI issuer() {
        return URI.create(scheme + "://127.0.0.1:" + port + "/realms/" + REALM);
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
