package com.alpha01.it;

import com.alpha01.devstack.WildFlyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Node B of the test cluster: a second WildFly from the same unpacked home with its own server
 * folder (configuration copied from node A's, so the same wildfly-config scripts apply), another
 * port offset and node name, the real EAR deployed by the scanner. It shares node A's PostgreSQL and
 * Keycloak and joins A's JGroups and Artemis cluster.
 */
final class SecondNode implements AutoCloseable {

    static final String NAME = "alpha01-it-b";

    private final WildFlyServer server;
    private final Path base;

    private SecondNode(WildFlyServer server, Path base) {
        this.server = server;
        this.base = base;
    }

    /**
     * Starts node B, waits until the EAR answers and both nodes' Artemis cluster bridges are
     * connected. {@code env} adds to (or overrides) the environment node A got from failsafe.
     */
    static SecondNode start(Map<String, String> env) throws Exception {
        Path home = Path.of(System.getProperty("alpha01.wildfly.home"));
        Path base = Path.of(System.getProperty("alpha01.it.node-b.dir"));
        int offset = Integer.parseInt(System.getProperty("alpha01.it.node-b.port.offset"));
        deleteTree(base);
        Path configuration = Files.createDirectories(base.resolve("configuration"));
        try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, configuration.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // Node A's file lists what Arquillian deployed there; B gets the EAR from its own scanner.
        Path config = configuration.resolve(TestEnvironment.CONFIG);
        Files.writeString(config, Files.readString(config).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
        Map<String, String> all = new HashMap<>(System.getenv());
        all.put("ALPHA01_PUBLIC_URL", "http://127.0.0.1:" + (8080 + offset));
        all.putAll(env);
        WildFlyServer server = WildFlyServer.start(home, base, TestEnvironment.CONFIG, offset, all, NAME);
        SecondNode node = new SecondNode(server, base);
        try {
            server.deploy(Path.of(System.getProperty("alpha01.ear")), "/api/v1/health", Duration.ofMinutes(3));
            Path logA = home.resolve("standalone/log/server.log");
            Waits.until("Artemis cluster bridges connected both ways", Duration.ofSeconds(90),
                    () -> bridged(logA) && bridged(base.resolve("log/server.log")));
        } catch (Exception | AssertionError e) {
            node.close();
            throw e;
        }
        return node;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.httpPort());
    }

    /** Power loss: SIGKILL, no orderly shutdown. */
    void kill() {
        server.kill();
    }

    @Override
    public void close() {
        server.close();
    }

    /** AMQ221027: "Bridge ClusterConnectionBridge … is connected" (the Artemis cluster formed). */
    private static boolean bridged(Path log) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(l -> l.contains("AMQ221027"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
