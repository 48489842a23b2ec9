package com.alpha01.client.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.release.ReleaseSignature;
import com.alpha01.protocol.release.ReleaseTarget;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The updater's decisions against a local server: fetch what is offered, once; skip what failed; say so. */
class UpdaterTest {

    @TempDir
    Path dir;

    private final KeyPair key = UpdateFixtures.releaseKey();
    private final AtomicInteger downloads = new AtomicInteger();
    private final List<JsonObject> emitted = new ArrayList<>();
    private volatile String release;
    private byte[] pkg;
    private HttpServer server;
    private AppImageInstall install;

    @BeforeEach
    void setUp() throws Exception {
        Path root = Files.createDirectories(dir.resolve("install"));
        Files.createDirectories(root.resolve("versions/0.1.0/bin"));
        Files.createSymbolicLink(root.resolve("current"), Path.of("versions/0.1.0"));
        install = new AppImageInstall(root);
        pkg = Files.readAllBytes(AppImageInstallTest.tarGz(dir.resolve("p.tar.gz"), "alpha01-merchant",
                List.<String[]>of(new String[] {"bin/alpha01-merchant", "#!/bin/sh\n", "755"})));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/client-release",
                e -> UpdateFixtures.respond(e, release.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/pkg", e -> {
            downloads.incrementAndGet();
            UpdateFixtures.respond(e, pkg);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void publish(String version, boolean offered) throws Exception {
        publish(version, offered, "linux-app-image");
    }

    private void publish(String version, boolean offered, String target) throws Exception {
        String sha = ReleaseSignature.hex(MessageDigest.getInstance("SHA-256").digest(pkg));
        release = "{\"latest\":\"" + version + "\",\"minimum\":\"0.1.0\",\"offered\":" + offered + ",\"package\":{"
                + "\"url\":\"" + base() + "/pkg\",\"size\":" + pkg.length + ",\"sha256\":\"" + sha + "\",\"signature\":\""
                + ReleaseSignature.sign(key.getPrivate(), target, version, sha) + "\"}}";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Updater updater() {
        return new Updater(new ReleaseCheck(HttpClient.newHttpClient()), () -> URI.create(base()), "0.1.0",
                ReleaseTarget.LINUX_APP_IMAGE, "client-1", Optional.of(new PackageDownload(HttpClient.newHttpClient(),
                List.of(key.getPublic()), dir.resolve("updates"))), Optional.of(install), Runnable::run, emitted::add);
    }

    @Test
    void an_offered_release_is_fetched_staged_once_and_reported_with_progress() throws Exception {
        publish("0.2.0", true);
        Updater u = updater();
        u.check();
        assertEquals("READY", u.state().getString("stage"));
        assertEquals(Optional.of("0.2.0"), install.staged());
        assertTrue(emitted.stream().anyMatch(s -> s.getString("stage").equals("DOWNLOADING")), "progress was shown");
        u.check();
        assertEquals(1, downloads.get(), "a ready version is not fetched again");
    }

    @Test
    void an_installer_package_proven_in_one_run_opens_in_the_system_installer_once_at_the_next_start()
            throws Exception {
        publish("0.2.0", true, "linux-deb");
        List<List<String>> opened = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            Updater u = new Updater(new ReleaseCheck(HttpClient.newHttpClient()), () -> URI.create(base()), "0.1.0",
                    ReleaseTarget.LINUX_DEB, "client-1", Optional.of(new PackageDownload(HttpClient.newHttpClient(),
                    List.of(key.getPublic()), dir.resolve("updates"))), Optional.empty(), Runnable::run, emitted::add);
            u.useOpener(opened::add);
            u.check();
            assertEquals("READY", u.state().getString("stage"));
            assertEquals(run == 1 ? 0 : 1, opened.size(), "run " + run);
        }
        assertEquals("xdg-open", opened.get(0).get(0));
        assertTrue(opened.get(0).get(1).endsWith("linux-deb-0.2.0.pkg"));
        assertEquals(1, downloads.get(), "proven once, kept for the next runs");
    }

    @Test
    void a_release_not_yet_offered_to_this_client_is_only_reported() throws Exception {
        publish("0.2.0", false);
        Updater u = updater();
        u.check();
        JsonObject state = u.state();
        assertEquals("IDLE", state.getString("stage"));
        assertTrue(state.getBoolean("available"));
        assertFalse(state.getBoolean("offered"));
        assertEquals(0, downloads.get());
    }

    @Test
    void a_version_that_failed_to_start_is_not_fetched_again_and_said() throws Exception {
        publish("0.2.0", true);
        Files.createDirectories(install.root().resolve("versions/0.2.0"));
        Files.writeString(install.root().resolve("versions/0.2.0/.failed"), "");
        Updater u = updater();
        u.check();
        assertEquals(0, downloads.get());
        assertEquals("0.2.0", u.state().getString("rolledBack"));
    }
}
