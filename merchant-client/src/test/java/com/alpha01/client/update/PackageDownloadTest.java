package com.alpha01.client.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.release.ReleaseSignature;
import com.alpha01.protocol.release.ReleaseTarget;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages from a local HTTP server: a good one is kept as the package; a tampered one, a wrong signature, a
 * truncated or an overlong download are refused with their reason, and nothing is left that looks like a package.
 */
class PackageDownloadTest {

    private static final ReleaseTarget T = ReleaseTarget.LINUX_APP_IMAGE;

    @TempDir
    Path dir;

    private final KeyPair key = UpdateFixtures.releaseKey();
    private final KeyPair stranger = UpdateFixtures.releaseKey();
    private final byte[] bytes = new byte[700_000];
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Integer> stallAt = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        new java.util.Random(7).nextBytes(bytes);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = served.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            Integer stall = stallAt.get(path);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, stall == null ? body.length : stall);
                if (stall != null) {
                    out.flush();
                    stalled.await(30, java.util.concurrent.TimeUnit.SECONDS); // nothing more until the test ends
                }
            } catch (IOException | InterruptedException closedEarly) {
                // the client stopped reading
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        stalled.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private Release.PackageInfo info(String path, byte[] signedBytes, long size, KeyPair signer, String version)
            throws Exception {
        String sha = ReleaseSignature.hex(MessageDigest.getInstance("SHA-256").digest(signedBytes));
        return new Release.PackageInfo(url(path), size, sha, ReleaseSignature.sign(signer.getPrivate(), T.id(), version, sha));
    }

    private PackageDownload download() {
        return new PackageDownload(HttpClient.newHttpClient(), List.of(key.getPublic()), dir);
    }

    @Test
    void a_good_package_is_kept_with_progress_and_a_second_fetch_reuses_it() throws Exception {
        served.put("/a.tar.gz", bytes);
        List<Long> progress = new ArrayList<>();
        Path pkg = download().fetch(T, "0.2.0", info("/a.tar.gz", bytes, bytes.length, key, "0.2.0"),
                (done, total) -> progress.add(done));
        assertArrayEquals(bytes, Files.readAllBytes(pkg));
        assertEquals((long) bytes.length, progress.get(progress.size() - 1));
        assertTrue(progress.size() >= 2, "progress along the way: " + progress);
        served.clear();
        assertEquals(pkg, download().fetch(T, "0.2.0", info("/a.tar.gz", bytes, bytes.length, key, "0.2.0"),
                (d, t) -> { }), "kept from before, checked again, not fetched");
    }

    @Test
    void a_tampered_package_is_refused_and_nothing_is_left() throws Exception {
        byte[] tampered = bytes.clone();
        tampered[12345] ^= 1;
        served.put("/a.tar.gz", tampered);
        assertRefused(PackageDownload.Failure.CHECKSUM, info("/a.tar.gz", bytes, bytes.length, key, "0.2.0"));
    }

    @Test
    void a_signature_of_another_key_or_version_is_refused_before_anything_is_downloaded() throws Exception {
        served.put("/a.tar.gz", bytes);
        assertRefused(PackageDownload.Failure.SIGNATURE, info("/a.tar.gz", bytes, bytes.length, stranger, "0.2.0"));
        assertRefused(PackageDownload.Failure.SIGNATURE, info("/a.tar.gz", bytes, bytes.length, key, "0.1.9"));
        PackageDownload trustsNothing = new PackageDownload(HttpClient.newHttpClient(), List.of(), dir);
        PackageDownload.Refused e = assertThrows(PackageDownload.Refused.class, () -> trustsNothing.fetch(T, "0.2.0",
                info("/a.tar.gz", bytes, bytes.length, key, "0.2.0"), (d, t) -> { }));
        assertEquals(PackageDownload.Failure.SIGNATURE, e.failure());
    }

    @Test
    void a_download_cut_short_an_overlong_one_and_an_error_are_refused() throws Exception {
        try (ServerSocket cutting = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = cutting.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[8192]);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, 0, 300_000);
                    out.flush(); // then the connection drops
                } catch (IOException ignored) {
                    // the test sees what the client made of it
                }
            });
            server.start();
            URI cut = URI.create("http://127.0.0.1:" + cutting.getLocalPort() + "/cut.tar.gz");
            Release.PackageInfo good = info("/x", bytes, bytes.length, key, "0.2.0");
            assertRefused(PackageDownload.Failure.TRUNCATED, new Release.PackageInfo(cut, good.size(), good.sha256(),
                    good.signature()));
            server.join(10_000);
        }
        byte[] shorter = java.util.Arrays.copyOf(bytes, 300_000);
        served.put("/long.tar.gz", bytes);
        assertRefused(PackageDownload.Failure.TOO_LARGE, info("/long.tar.gz", shorter, shorter.length, key, "0.2.0"));
        assertRefused(PackageDownload.Failure.HTTP, info("/missing.tar.gz", bytes, bytes.length, key, "0.2.0"));
    }

    @Test
    void a_server_that_stops_sending_is_given_up_and_the_next_download_works() throws Exception {
        served.put("/stall.tar.gz", bytes);
        stallAt.put("/stall.tar.gz", 200_000);
        PackageDownload quick = new PackageDownload(HttpClient.newHttpClient(), List.of(key.getPublic()), dir,
                java.time.Duration.ofMillis(800));
        PackageDownload.Refused e = assertThrows(PackageDownload.Refused.class, () -> quick.fetch(T, "0.2.0",
                info("/stall.tar.gz", bytes, bytes.length, key, "0.2.0"), (d, t) -> { }));
        assertEquals(PackageDownload.Failure.NETWORK, e.failure(), e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt does not stay behind");
        served.put("/a.tar.gz", bytes);
        assertArrayEquals(bytes, Files.readAllBytes(quick.fetch(T, "0.2.0", info("/a.tar.gz", bytes, bytes.length, key,
                "0.2.0"), (d, t) -> { })));
    }

    private void assertRefused(PackageDownload.Failure failure, Release.PackageInfo info) throws IOException {
        PackageDownload.Refused e = assertThrows(PackageDownload.Refused.class,
                () -> download().fetch(T, "0.2.0", info, (d, t) -> { }));
        assertEquals(failure, e.failure(), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing left behind");
        }
    }

}
