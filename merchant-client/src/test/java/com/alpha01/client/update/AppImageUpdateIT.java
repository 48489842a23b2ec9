package com.alpha01.client.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.release.ReleaseSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real app as a jpackage app-image, installed the self-updating way (launcher, versions/, current), updating
 * itself from a local server that speaks the server's client-release API (D60). Each start runs the app with
 * {@code --self-test}: it opens its encrypted store, tells the launcher it came up, then checks for an update and
 * fetches and stages an offered one, as it does daily. Versions N+1 and N+2 are N's app-image with another version
 * in their launcher configuration; N+2 is also broken (its main class is missing) so that it cannot start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppImageUpdateIT {

    private static final Path WORK = Path.of(System.getProperty("alpha01.it.update.dir", "target/it-update"));
    private static final Path ROOT = WORK.resolve("install");
    private static final Path HOME = WORK.resolve("home");
    private static final KeyPair KEY = UpdateFixtures.releaseKey();
    private static final Map<String, byte[]> SERVED = new ConcurrentHashMap<>();
    /** What the server publishes: first, this version and no package. */
    private static volatile String release =
            "{\"target\":\"linux-app-image\",\"latest\":\"0.1.0\",\"minimum\":\"0.1.0\",\"offered\":false}";
    private static HttpServer server;

    @BeforeAll
    static void buildInstallAndServe() throws Exception {
        delete(WORK);
        Files.createDirectories(WORK);
        Path input = Path.of(System.getProperty("alpha01.it.app.input"));
        String jar = System.getProperty("alpha01.it.app.jar");
        Files.copy(Path.of(System.getProperty("alpha01.it.app.built")), input.resolve(jar),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path images = WORK.resolve("images");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "jpackage").toString(), "--type", "app-image",
                "--name", "alpha01-merchant", "--app-version", "0.1.0", "--input", input.toString(), "--dest",
                images.toString(), "--main-jar", jar, "--main-class", "com.alpha01.client.app.MerchantClientApp",
                "--java-options", "-Dalpha01.version=0.1.0 -Dorg.jboss.logging.provider=jdk "
                        + "-Dalpha01.update.public.keys=" + ReleaseSignature.encode(KEY.getPublic())), WORK);
        Files.createDirectories(ROOT.resolve("versions"));
        run(List.of("cp", "-a", images.resolve("alpha01-merchant").toString(), ROOT.resolve("versions/0.1.0").toString()), WORK);
        Files.createSymbolicLink(ROOT.resolve("current"), Path.of("versions/0.1.0"));
        try (InputStream launcher = AppImageInstall.class.getResourceAsStream("alpha01-merchant")) {
            new AppImageInstall(ROOT).refreshLauncher(launcher.readAllBytes());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/client-release",
                exchange -> UpdateFixtures.respond(exchange, release.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/pkg/", exchange -> {
            byte[] body = SERVED.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            } else {
                UpdateFixtures.respond(exchange, body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        delete(WORK); // four app-images with their runtimes: about 3 GB
    }

    @Test
    @Order(1)
    void version_n_starts_and_keeps_its_data() throws Exception {
        List<String> out = start();
        assertTrue(out.contains("alpha01 0.1.0 self-test ok: first start"), out.toString());
        assertTrue(out.contains("alpha01 update IDLE latest=0.1.0 failure= rolledBack="), out.toString());
    }

    @Test
    @Order(2)
    void a_tampered_package_is_refused_and_nothing_is_replaced() throws Exception {
        byte[] pkg = packageOf("0.2.0", false);
        byte[] tampered = pkg.clone();
        tampered[tampered.length / 2] ^= 1;
        publish("0.2.0", pkg, tampered);
        List<String> out = start();
        assertTrue(out.contains("alpha01 update FAILED latest=0.2.0 failure=CHECKSUM rolledBack="), out.toString());
        assertFalse(Files.exists(ROOT.resolve("versions/0.2.0")));
        assertFalse(Files.exists(ROOT.resolve("next")));
        assertEquals("versions/0.1.0", Files.readSymbolicLink(ROOT.resolve("current")).toString());
    }

    @Test
    @Order(3)
    void version_n_fetches_n_plus_1_and_the_next_start_is_n_plus_1_with_the_data_of_n() throws Exception {
        byte[] pkg = packageOf("0.2.0", false);
        publish("0.2.0", pkg, pkg);
        List<String> staged = start();
        assertTrue(staged.contains("alpha01 0.1.0 self-test ok: written by 0.1.0"), staged.toString());
        assertTrue(staged.contains("alpha01 update READY latest=0.2.0 failure= rolledBack="), staged.toString());
        assertEquals("0.2.0\n", Files.readString(ROOT.resolve("next")));

        List<String> updated = start();
        assertTrue(updated.contains("alpha01 0.2.0 self-test ok: written by 0.1.0"), updated.toString());
        assertTrue(updated.contains("alpha01 update IDLE latest=0.2.0 failure= rolledBack="), updated.toString());
        assertEquals("versions/0.2.0", Files.readSymbolicLink(ROOT.resolve("current")).toString());
        assertEquals("versions/0.1.0", Files.readSymbolicLink(ROOT.resolve("previous")).toString());
    }

    @Test
    @Order(4)
    void a_version_that_fails_to_start_is_rolled_back_and_not_fetched_again() throws Exception {
        byte[] broken = packageOf("0.3.0", true);
        publish("0.3.0", broken, broken);
        assertTrue(start().contains("alpha01 update READY latest=0.3.0 failure= rolledBack="));

        List<String> rolledBack = start();
        assertTrue(rolledBack.contains("alpha01 0.2.0 self-test ok: written by 0.1.0"), rolledBack.toString());
        assertTrue(rolledBack.contains("alpha01 update IDLE latest=0.3.0 failure= rolledBack=0.3.0"),
                "the broken version is not fetched again, and 状态 says why: " + rolledBack);
        assertTrue(Files.exists(ROOT.resolve("versions/0.3.0/.failed")));
        assertEquals("versions/0.2.0", Files.readSymbolicLink(ROOT.resolve("current")).toString());
        assertFalse(Files.exists(ROOT.resolve("next")));
    }

    /** Starts the install through its launcher; returns the app's output lines. */
    private static List<String> start() throws Exception {
        ProcessBuilder b = new ProcessBuilder(ROOT.resolve("alpha01-merchant").toString(), "--self-test")
                .redirectErrorStream(true);
        b.environment().put("ALPHA01_HOME", HOME.toString());
        b.environment().put("ALPHA01_STORE_PASSPHRASE", "update-it-passphrase");
        b.environment().put("ALPHA01_SERVER_URL", "http://127.0.0.1:" + server.getAddress().getPort());
        Process p = b.start();
        List<String> lines = new ArrayList<>();
        try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines.stream().filter(l -> l.startsWith("alpha01 ")).toList();
    }

    /** N's app-image as version {@code v}: its launcher configuration states {@code v} (broken: no main class). */
    private static byte[] packageOf(String v, boolean broken) throws Exception {
        Path dir = WORK.resolve("pkg-" + v);
        delete(dir);
        Files.createDirectories(dir);
        run(List.of("cp", "-a", WORK.resolve("images/alpha01-merchant").toString(), dir.toString()), WORK);
        Path cfg = dir.resolve("alpha01-merchant/lib/app/alpha01-merchant.cfg");
        String text = Files.readString(cfg).replace("-Dalpha01.version=0.1.0", "-Dalpha01.version=" + v);
        if (broken) {
            text = text.replace("com.alpha01.client.app.MerchantClientApp", "com.alpha01.client.app.NoSuchMain");
        }
        Files.writeString(cfg, text);
        Path tar = WORK.resolve("alpha01-merchant-" + v + "-linux-app-image.tar.gz");
        run(List.of("tar", "-C", dir.toString(), "-I", "gzip -1", "-cf", tar.toString(), "alpha01-merchant"), WORK);
        delete(dir);
        return Files.readAllBytes(tar);
    }

    /** The server publishes {@code signed} for {@code v} and serves {@code served} at its address. */
    private static void publish(String v, byte[] signed, byte[] served) throws Exception {
        String sha = ReleaseSignature.hex(java.security.MessageDigest.getInstance("SHA-256").digest(signed));
        String path = "/pkg/alpha01-merchant-" + v + ".tar.gz";
        SERVED.put(path, served);
        release = "{\"target\":\"linux-app-image\",\"latest\":\"" + v + "\",\"minimum\":\"0.1.0\",\"offered\":true,"
                + "\"rollout\":100,\"notes\":\"\",\"package\":{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort()
                + path + "\",\"size\":" + signed.length + ",\"sha256\":\"" + sha + "\",\"signature\":\""
                + ReleaseSignature.sign(KEY.getPrivate(), "linux-app-image", v, sha) + "\"}}";
    }


    private static void run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

}
