package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.friwi.jcefmaven.impl.step.check.CefInstallationChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start of a package without the browser's natives (as on Windows and macOS): a JVM whose class path
 * lacks the natives jar installs them from a local HTTP server standing in for jcefmaven's mirror. Offline, a
 * cut download and an error page each fail with their reason and leave nothing behind; a second attempt after a
 * cut download installs the browser whole.
 */
class BrowserSetupTest {

    @TempDir
    Path dir;

    private final AtomicInteger requests = new AtomicInteger();
    private volatile int cutFirst;
    private HttpServer server;
    private byte[] natives;
    private String classPath;

    @BeforeEach
    void serveTheNatives() throws IOException {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        Path jar = Arrays.stream(entries).filter(e -> e.contains("jcef-natives-")).map(Path::of).findFirst().orElseThrow();
        natives = Files.readAllBytes(jar);
        classPath = String.join(File.pathSeparator, Arrays.stream(entries).filter(e -> !e.contains("jcef-natives-")).toList());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/natives/", exchange -> {
            int n = requests.incrementAndGet();
            boolean cut = n <= cutFirst;
            exchange.sendResponseHeaders(200, cut ? natives.length / 2 : natives.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(natives, 0, cut ? natives.length / 2 : natives.length);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String mirror() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/natives/jcef-natives-{platform}-{tag}.jar";
    }

    /** Runs BrowserSetup in a JVM without the natives on its class path; returns its lines and exit code. */
    private List<String> setup(Path install, String mirror, int attempts) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "-Dorg.jboss.logging.provider=jdk", BrowserSetup.class.getName(), install.toString(), mirror,
                String.valueOf(attempts)).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().filter(l -> l.startsWith("progress") || l.startsWith("failed") || l.endsWith("installed"))
                    .forEach(lines::add);
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        lines.add("exit " + p.exitValue());
        return lines;
    }

    @Test
    void offline_or_an_error_page_fails_with_its_reason_and_leaves_nothing() throws Exception {
        Path install = dir.resolve("jcef-bundle");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<String> offline = setup(install, "http://127.0.0.1:" + closedPort + "/x-{platform}-{tag}.jar", 1);
        assertTrue(offline.stream().anyMatch(l -> l.startsWith("failed OFFLINE")), offline.toString());
        assertEquals("exit 1", offline.get(offline.size() - 1));
        assertFalse(Files.exists(install), "nothing left that looks like a browser");

        List<String> missing = setup(install, "http://127.0.0.1:" + server.getAddress().getPort() + "/none/{tag}.jar", 1);
        assertTrue(missing.stream().anyMatch(l -> l.startsWith("failed DOWNLOAD")), missing.toString());
        assertFalse(Files.exists(install));
    }

    @Test
    void a_cut_download_is_removed_and_the_next_attempt_installs_the_browser_whole() throws Exception {
        Path install = dir.resolve("jcef-bundle");
        cutFirst = 1;
        List<String> lines = setup(install, mirror(), 2);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("failed DOWNLOAD")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("progress DOWNLOADING 100")), "progress shown: " + lines);
        assertEquals(List.of("installed", "exit 0"), lines.subList(lines.size() - 2, lines.size()));
        assertEquals(2, requests.get());
        assertTrue(CefInstallationChecker.checkInstallation(install.toFile()), "complete: install.lock written last");
        assertFalse(Files.exists(install.resolve("download.zip.temp")));
    }
}
