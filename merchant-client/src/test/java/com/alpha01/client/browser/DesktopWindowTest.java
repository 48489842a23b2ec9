package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Opens the real window (embedded Chromium) on a private Xvfb display and checks the UI end to end:
 * the {@code app://} scheme, the bridge both ways, safe rendering, the language switch, and
 * screenshots in {@code ${alpha01.screenshots}}.
 *
 * <p>Why a child JVM: AWT and Chromium take the X display from the process environment
 * ({@code XOpenDisplay(NULL)} reads {@code DISPLAY}), which a running JVM cannot change. So this test
 * starts {@code Xvfb -displayfd} (a free display, no guessing), then runs {@link DesktopScenarios} in
 * a JVM launched with that {@code DISPLAY}, and reports each scenario as its own test. The child also
 * keeps CEF (once per process) out of the surefire JVM. Without Xvfb it uses an existing
 * {@code DISPLAY}; with neither it is skipped.
 */
class DesktopWindowTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(4);

    @TestFactory
    List<DynamicTest> desktop_window_under_a_virtual_display() throws IOException, InterruptedException {
        Path target = Path.of("target").toAbsolutePath();
        Path logs = target.resolve("desktop-window-test");
        Files.createDirectories(logs);
        Optional<Path> xvfb = XvfbDisplay.executable();
        String inherited = System.getenv("DISPLAY");
        Assumptions.assumeTrue(xvfb.isPresent() || (inherited != null && !inherited.isBlank()),
                "Xvfb is not installed and there is no DISPLAY (Debian: apt-get install xvfb xauth fonts-noto-cjk)");

        Map<String, String> outcome;
        if (xvfb.isPresent()) {
            try (XvfbDisplay display = XvfbDisplay.start(xvfb.get(), logs.resolve("xvfb.log"))) {
                outcome = runScenarios(display.display(), logs);
            }
        } else {
            outcome = runScenarios(inherited, logs);
        }

        List<DynamicTest> tests = new ArrayList<>();
        for (String name : DesktopScenarios.NAMES) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String result = outcome.get(name);
                if (result == null) {
                    fail("scenario did not run; see " + logs.resolve("child.log"));
                }
                assertEquals("PASS", result, () -> result + " — see " + logs.resolve("child.log"));
            }));
        }
        tests.add(DynamicTest.dynamicTest("screenshots are saved", () -> {
            Path dir = screenshotDir();
            for (String name : List.of("overview-zh-CN", "conversations-zh-CN", "overview-en", "conversations-en")) {
                Path png = dir.resolve(name + ".png");
                assertTrue(Files.size(png) > 10_000, png + " is missing or tiny");
            }
        }));
        return tests;
    }

    /** Runs {@link DesktopScenarios} in a child JVM on {@code display}; returns scenario name → PASS or FAIL text. */
    private static Map<String, String> runScenarios(String display, Path logs) throws IOException, InterruptedException {
        Path results = logs.resolve("results.tsv");
        Files.deleteIfExists(results);
        deleteTree(Path.of(jcefDir() + "-cache")); // a fresh browser profile: no language remembered from a past run
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx512m", "-Djava.awt.headless=false",
                "-Dalpha01.jcef.dir=" + jcefDir(), "-Dalpha01.screenshots=" + screenshotDir(),
                "-cp", System.getProperty("java.class.path"), DesktopScenarios.class.getName(), results.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("child.log").toFile());
        builder.environment().put("DISPLAY", display);
        builder.environment().remove("WAYLAND_DISPLAY");
        Process child = builder.start();
        if (!child.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the window test did not finish within " + CHILD_TIMEOUT + "; see " + logs.resolve("child.log"));
        }
        assertEquals(0, child.exitValue(), () -> "the window test JVM failed; see " + logs.resolve("child.log"));
        Map<String, String> outcome = new HashMap<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 3);
            outcome.put(parts[1], parts[0].equals("PASS") ? "PASS" : "FAIL: " + (parts.length > 2 ? parts[2] : ""));
        }
        return outcome;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Path jcefDir() {
        return Path.of(System.getProperty("alpha01.jcef.dir", "target/jcef-bundle")).toAbsolutePath();
    }

    private static Path screenshotDir() {
        return Path.of(System.getProperty("alpha01.screenshots", "target/screenshots")).toAbsolutePath();
    }
}
