package com.alpha01.it;

import com.alpha01.devstack.WildFlyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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

    private volatile WildFlyServer server;
    private final Path base;
    private final Map<String, String> env;

    private SecondNode(WildFlyServer server, Path base, Map<String, String> env) {
        this.server = server;
        this.base = base;
        this.env = env;
    }

    /**
     * Starts node B, waits until the EAR answers and both nodes' Artemis cluster bridges are
     * connected. {@code env} adds to (or overrides) the environment node A got from failsafe.
     */
    static SecondNode start(Map<String, String> env) throws Exception {
        Path home = Path.of(System.getProperty("alpha01.wildfly.home"));
        Path base = Path.of(System.getProperty("alpha01.it.node-b.dir"));
        int offset = Integer.parseInt(System.getProperty("alpha01.it.node-b.port.offset"));
        TestEnvironment.deleteTree(base);
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
        all.put("ALPHA01_PUBLIC_URL", "https://127.0.0.1:" + (8443 + offset));
        all.putAll(env);
        SecondNode node = new SecondNode(null, base, all);
        node.boot();
        return node;
    }

    /**
     * Starts B from its folder as it is (configuration, deployment, Artemis journal: after {@link #kill()},
     * what a machine has after a power cut) and waits as {@link #start} does.
     */
    void restart() throws Exception {
        if (server.alive()) {
            throw new IllegalStateException("node B still runs");
        }
        boot();
    }

    private void boot() throws Exception {
        Path home = Path.of(System.getProperty("alpha01.wildfly.home"));
        int offset = Integer.parseInt(System.getProperty("alpha01.it.node-b.port.offset"));
        Path logA = home.resolve("standalone/log/server.log");
        Path logB = base.resolve("log/server.log");
        long bridgesA = bridges(logA);
        long bridgesB = bridges(logB);
        server = WildFlyServer.start(home, base, TestEnvironment.CONFIG, offset, env, NAME);
        try {
            server.deploy(Path.of(System.getProperty("alpha01.ear")), "/api/v1/health", Duration.ofMinutes(3));
            Waits.until("Artemis cluster bridges connected both ways", Duration.ofSeconds(90),
                    () -> bridges(logA) > bridgesA && bridges(logB) > bridgesB);
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.httpsPort());
    }

    /** Power loss: SIGKILL, no orderly shutdown. */
    void kill() {
        server.kill();
        killStrays(true);
    }

    @Override
    public void close() {
        server.close();
        killStrays(false);
    }

    /**
     * Node B's JVM, found by its own base directory, when it outlived the launcher's process tree (seen
     * once: the JVM reparented to init kept node B's ports, and the next IT's node B could not bind).
     */
    private void killStrays(boolean forcibly) {
        String mine = "-Djboss.server.base.dir=" + base.toAbsolutePath();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(mine)).orElse(false))
                .forEach(p -> {
                    if (forcibly) {
                        p.destroyForcibly();
                    } else {
                        p.destroy();
                    }
                    p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                            .exceptionally(e -> { p.destroyForcibly(); return p; }).join();
                });
    }

    /** How often the log says AMQ221027: "Bridge ClusterConnectionBridge … is connected" (the Artemis cluster formed). */
    private static long bridges(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("AMQ221027")).count();
        }
    }

    /** Node B's server log. */
    Path log() {
        return base.resolve("log/server.log");
    }

    /** Its management port (for runtime operations: {@link Management}). */
    static int managementPort() {
        return 9990 + Integer.parseInt(System.getProperty("alpha01.it.node-b.port.offset"));
    }

}
