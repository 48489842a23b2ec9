package com.alpha01.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A WildFly from the {@code wildfly-dist} zip: configured only by the project's
 * {@code wildfly-config/configure-*.cli} scripts (run offline in an embedded server, once), started
 * on {@code standalone-full.xml} bound to 127.0.0.1 with a port offset, the EAR deployed by copying
 * it into {@code standalone/deployments}.
 */
public final class WildFlyServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WildFlyServer.class);
    private static final String MARKER = ".alpha01-configured";
    public static final String CONFIG = "standalone-full.xml";

    private final Path baseDir;
    private final int portOffset;
    private final Process process;

    private WildFlyServer(Path baseDir, int portOffset, Process process) {
        this.baseDir = baseDir;
        this.portOffset = portOffset;
        this.process = process;
    }

    /** {@link #configure(Path, Path, Path, String)} for {@value #CONFIG}. */
    public static void configure(Path home, Path cliDir, Path jdbcJar) throws IOException, InterruptedException {
        configure(home, cliDir, jdbcJar, CONFIG);
    }

    /**
     * Runs every {@code configure-*.cli} in {@code cliDir}, in name order, against {@code home}'s
     * {@code config} through an embedded server. Skipped when done with the same scripts already;
     * when the scripts changed since, starts again from the configuration file as it was before
     * the first run (kept beside it), so a checkout's dev stack follows script changes.
     */
    public static void configure(Path home, Path cliDir, Path jdbcJar, String config)
            throws IOException, InterruptedException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(cliDir)) {
            scripts = files.filter(p -> p.getFileName().toString().matches("configure-.*\\.cli")).sorted().toList();
        }
        StringBuilder all = new StringBuilder("embed-server --server-config=" + config + " --std-out=discard\n");
        for (Path script : scripts) {
            all.append(Files.readString(script, StandardCharsets.UTF_8)).append('\n');
        }
        all.append("stop-embedded-server\n");
        Path dir = home.resolve("standalone/configuration");
        Path marker = dir.resolve(MARKER + "-" + config);
        Path pristine = dir.resolve(config + ".pristine");
        String fingerprint = Integer.toHexString(all.toString().hashCode()) + " " + scripts.stream()
                .map(p -> p.getFileName().toString()).toList();
        if (Files.exists(marker) && Files.readString(marker).equals(fingerprint)) {
            LOG.debugf("WildFly at %s already configured", home);
            return;
        }
        if (Files.exists(pristine)) {
            Files.copy(pristine, dir.resolve(config), StandardCopyOption.REPLACE_EXISTING);
            removeAddedModules(home, all.toString());
            LOG.infof("wildfly-config scripts changed: reconfiguring %s from its original", config);
        } else if (Files.exists(marker) || Files.exists(dir.resolve(MARKER))) {
            throw new IOException("WildFly at " + home + " was configured by older scripts and has no original "
                    + config + " to start from; delete that folder to start afresh");
        } else {
            Files.copy(dir.resolve(config), pristine);
        }
        Path combined = Files.createTempFile("alpha01-configure", ".cli");
        Files.writeString(combined, all, StandardCharsets.UTF_8);
        Path log = home.resolve("standalone/log/alpha01-configure.log");
        Files.createDirectories(log.getParent());
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + combined,
                "-Dalpha01.jdbc.jar=" + jdbcJar.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!cli.waitFor(5, TimeUnit.MINUTES) || cli.exitValue() != 0) {
            cli.destroyForcibly();
            throw new IOException("wildfly-config scripts failed; see " + log);
        }
        Files.delete(combined);
        Files.writeString(marker, fingerprint);
        LOG.infof("WildFly %s configured with %d scripts from %s", config, scripts.size(), cliDir);
    }

    /**
     * The scripts' {@code module add --name=…} write into the server's {@code modules/} folder, which the
     * original configuration file does not undo; the CLI refuses to add a module that exists, so they go
     * before the scripts run again.
     */
    private static void removeAddedModules(Path home, String scripts) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*module add --name=([\\w.]+)")
                .matcher(scripts);
        while (m.find()) {
            Path module = home.resolve("modules").resolve(m.group(1).replace('.', '/')).resolve("main");
            if (Files.isDirectory(module)) {
                Zips.deleteTree(module);
                LOG.infof("Module %s removed, to be added again by the scripts", m.group(1));
            }
        }
    }

    /** Starts WildFly in the background; the environment carries the {@code ALPHA01_*} settings the scripts read. */
    public static WildFlyServer start(Path home, int portOffset, Map<String, String> env, String nodeId)
            throws IOException {
        return start(home, home.resolve("standalone"), CONFIG, portOffset, env, nodeId);
    }

    /**
     * Starts WildFly in the background on {@code config} from server folder {@code baseDir} (its
     * own {@code configuration/}, {@code deployments/}, {@code data/}, {@code log/}: several nodes
     * can share one home), as cluster node {@code nodeName}.
     */
    public static WildFlyServer start(Path home, Path baseDir, String config, int portOffset, Map<String, String> env,
            String nodeName) throws IOException {
        Path log = baseDir.resolve("log/alpha01-console.log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", config, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.bind.address.private=127.0.0.1",
                "-Djboss.server.base.dir=" + baseDir.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.tx.node.id=" + nodeName,
                "-Djboss.node.name=" + nodeName));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().putIfAbsent("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true");
        LOG.infof("Starting WildFly %s (port offset %d), log %s", nodeName, portOffset, log);
        return new WildFlyServer(baseDir, portOffset, pb.start());
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    /** The https listener's port (configure-tls.cli). */
    public int httpsPort() {
        return 8443 + portOffset;
    }

    public long pid() {
        return process.pid();
    }

    /** Whether its process still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Puts the EAR into the deployment scanner's folder before WildFly starts, so that the server
     * boots with it (no redeploy, no window in which an older build answers). Skipped when the same
     * file is there already.
     */
    public static void stage(Path home, Path ear) throws IOException {
        stageIn(home.resolve("standalone/deployments"), ear);
    }

    private static void stageIn(Path deployments, Path ear) throws IOException {
        Files.createDirectories(deployments);
        String name = ear.getFileName().toString();
        Path target = deployments.resolve(name);
        if (Files.exists(target) && Files.mismatch(ear, target) == -1) {
            return;
        }
        for (String suffix : List.of(".deployed", ".failed", ".undeployed", ".dodeploy")) {
            Files.deleteIfExists(deployments.resolve(name + suffix));
        }
        Files.copy(ear, target, StandardCopyOption.REPLACE_EXISTING);
        LOG.infof("%s staged for deployment", name);
    }

    /**
     * Deploys the EAR through the deployment scanner ({@link #stage}: nothing to do when that file
     * is deployed already) and waits until {@code readyPath} answers 200.
     */
    public void deploy(Path ear, String readyPath, Duration timeout) throws IOException, InterruptedException {
        Path deployments = baseDir.resolve("deployments");
        stageIn(deployments, ear);
        String name = ear.getFileName().toString();
        long end = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + httpPort() + readyPath);
        while (System.nanoTime() < end) {
            if (Files.exists(deployments.resolve(name + ".failed"))) {
                throw new IOException(name + " failed to deploy: " + Files.readString(deployments.resolve(name + ".failed")));
            }
            if (!process.isAlive()) {
                throw new IOException("WildFly exited while deploying; see its log");
            }
            if (Processes.httpStatus(ready) == 200) {
                LOG.infof("%s deployed and ready", name);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IOException(name + " not ready within " + timeout);
    }

    /**
     * Gone at once, as when a machine loses power: SIGKILL to the server JVM and to the
     * {@code standalone.sh} that started it (the script does not pass SIGKILL on). For failover tests.
     */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Graceful stop (SIGTERM runs WildFly's shutdown), then forcibly after 60 s. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(60));
    }
}
