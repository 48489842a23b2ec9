package com.alpha01.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs the bench module's Gatling simulation in a JVM of its own and waits for it: Gatling brings
 * Netty 4.2, Scala 2.13 and its own Jackson, none of which should meet the WildFly/Arquillian client
 * libraries of this test JVM, and its load should not share this JVM's heap and threads with the
 * merchant clients it measures. The classpath is the one Maven resolved for the bench module's tests
 * ({@code bench/target/gatling-classpath.txt}); the simulation's settings go as system properties.
 */
final class GatlingRun {

    private static final Logger LOG = Logger.getLogger(GatlingRun.class);
    static final String SIMULATION = "com.alpha01.bench.gatling.CustomerSimulation";

    /** The run's folder (simulation.log, the HTML report) and Gatling's console output. */
    record Result(Path runDirectory, Path console) {

        Path simulationLog() {
            return runDirectory.resolve("simulation.log");
        }
    }

    private GatlingRun() {
    }

    /** Runs the simulation with {@code properties}; fails unless Gatling ends by itself, with status 0, within {@code timeout}. */
    static Result run(Map<String, String> properties, String description, Duration timeout) throws Exception {
        Path results = Path.of(System.getProperty("alpha01.gatling.results", "target/gatling"));
        Files.createDirectories(results);
        Path console = results.resolve("gatling-console-" + System.currentTimeMillis() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
                // Gatling writes its simulation.log straight from the Strings' bytes.
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                // The merchant client's slf4j-jdk14 is on the bench test classpath too: Gatling logs through logback.
                "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider"));
        command.addAll(TestEnvironment.tls().trustStoreJvmOptions()); // the server is on HTTPS
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", classpath(), "io.gatling.app.Gatling", "-s", SIMULATION, "-rf",
                results.toAbsolutePath().toString(), "-rd", description));
        Path before = newestRun(results);
        LOG.infof("Gatling starts (%s); console: %s", description, console);
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            if (!gatling.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("Gatling still running after " + timeout + "; console: " + console);
            }
        } finally {
            if (gatling.isAlive()) {
                gatling.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (gatling.exitValue() != 0) {
            throw new AssertionError("Gatling ended with status " + gatling.exitValue() + ": " + tail(console));
        }
        Path run = newestRun(results);
        if (run == null || run.equals(before)) {
            throw new AssertionError("Gatling wrote no run folder under " + results + ": " + tail(console));
        }
        return new Result(run, console);
    }

    /** The Gatling version on the simulation's classpath (the one bench/pom.xml pins), as its simulation.log names it. */
    static String version() throws IOException {
        Matcher jar = Pattern.compile("gatling-core-([0-9][^/:\\\\]*)\\.jar").matcher(Files.readString(
                Path.of(required("alpha01.gatling.classpath")), StandardCharsets.UTF_8));
        if (!jar.find()) {
            throw new IllegalStateException("no gatling-core jar on the Gatling classpath");
        }
        return jar.group(1);
    }

    private static String classpath() throws IOException {
        Path classes = Path.of(required("alpha01.gatling.classes"));
        Path resolved = Path.of(required("alpha01.gatling.classpath"));
        if (!Files.isDirectory(classes) || !Files.isRegularFile(resolved)) {
            throw new IllegalStateException("the bench module's Gatling simulation is not built (" + classes + ", "
                    + resolved + "): run through Maven with -am, or build bench first");
        }
        return classes + java.io.File.pathSeparator + Files.readString(resolved, StandardCharsets.UTF_8).trim();
    }

    /** Gatling names each run's folder after the simulation and its start time: the newest is the last run. */
    private static Path newestRun(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve("simulation.log")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified())).orElse(null);
        }
    }

    private static String tail(Path console) throws IOException {
        List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through failsafe)");
        }
        return value;
    }
}
