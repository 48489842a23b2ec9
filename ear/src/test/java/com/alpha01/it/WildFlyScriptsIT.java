package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.files.Folders;
import com.alpha01.devstack.WildFlyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code wildfly-config/configure-*.cli} has a {@code remove-*.cli} that undoes it (README, docs/deploy.md):
 * on a WildFly of its own (unpacked for this test alone, never started), the configure scripts are applied the way
 * the dev stack and the ITs apply them ({@link WildFlyServer#configure}), then every remove script in the reverse
 * order, through an embedded server. The configuration file must end as WildFly writes the shipped one when it
 * saves it untouched, and the JDBC driver's module must be gone.
 */
class WildFlyScriptsIT {

    private static final Path HOME = Path.of(System.getProperty("alpha01.scripts.wildfly.home"));
    private static final Path CLI_DIR = Path.of(System.getProperty("alpha01.wildfly.cli-dir"));
    private static final Path JDBC_JAR = Path.of(System.getProperty("alpha01.jdbc.jar"));

    @ParameterizedTest
    @ValueSource(strings = {"standalone-full.xml", "standalone-full-ha.xml"})
    void the_remove_scripts_undo_what_the_configure_scripts_did(String shipped) throws Exception {
        Path dir = HOME.resolve("standalone/configuration");
        String untouched = "untouched-" + shipped;
        String config = "roundtrip-" + shipped;
        Files.copy(dir.resolve(shipped), dir.resolve(untouched), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve(shipped), dir.resolve(config), StandardCopyOption.REPLACE_EXISTING);
        // Each configuration starts afresh, whatever an earlier run left.
        Files.deleteIfExists(dir.resolve(config + ".pristine"));
        try (Stream<Path> markers = Files.list(dir)) {
            for (Path marker : markers.filter(p -> p.getFileName().toString().endsWith("-" + config)
                    && p.getFileName().toString().startsWith(".")).toList()) {
                Files.delete(marker);
            }
        }
        Folders.delete(postgresModule());
        cli("untouched-" + shipped, "embed-server --server-config=" + untouched + " --std-out=discard\n"
                + "stop-embedded-server\n");

        WildFlyServer.configure(HOME, CLI_DIR, JDBC_JAR, config);
        String configured = Files.readString(dir.resolve(config), StandardCharsets.UTF_8);
        assertTrue(configured.contains("Alpha01DS") && configured.contains("alpha01.relay"), "the scripts ran");
        assertTrue(Files.isDirectory(postgresModule()), "configure-datasource.cli added the driver's module");

        StringBuilder remove = new StringBuilder("embed-server --server-config=" + config + " --std-out=discard\n");
        for (Path script : scripts("remove-")) {
            remove.append(Files.readString(script, StandardCharsets.UTF_8)).append('\n');
        }
        cli("remove-" + shipped, remove.append("stop-embedded-server\n").toString());

        assertEquals(Files.readString(dir.resolve(untouched), StandardCharsets.UTF_8),
                Files.readString(dir.resolve(config), StandardCharsets.UTF_8),
                "after the remove scripts, " + shipped + " is as WildFly writes it untouched");
        assertFalse(Files.exists(postgresModule()), "remove-datasource.cli removed the driver's module");
    }

    private static Path postgresModule() {
        return HOME.resolve("modules/org/postgresql");
    }

    /** The scripts named {@code prefix*.cli}, the last in name order first (each undoes what came after it). */
    private static List<Path> scripts(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(CLI_DIR)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".cli")).sorted(Comparator.reverseOrder()).toList();
            List<String> configures;
            try (Stream<Path> all = Files.list(CLI_DIR)) {
                configures = all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("configure-"))
                        .map(n -> n.substring("configure-".length())).sorted().toList();
            }
            assertEquals(configures, found.stream().map(p -> p.getFileName().toString().substring(prefix.length()))
                    .sorted().toList(), "one remove script per configure script");
            return found;
        }
    }

    private static void cli(String name, String commands) throws Exception {
        Path file = Files.createTempFile("alpha01-scripts-it", ".cli");
        Path log = HOME.resolve("standalone/log/" + name + ".log");
        Files.createDirectories(log.getParent());
        try {
            Files.writeString(file, commands, StandardCharsets.UTF_8);
            Process cli = new ProcessBuilder(HOME.resolve("bin/jboss-cli.sh").toString(), "--file=" + file)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = cli.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                cli.destroyForcibly();
            }
            assertTrue(ended && cli.exitValue() == 0, name + " failed:\n" + Files.readString(log));
        } finally {
            Files.delete(file);
        }
    }
}
