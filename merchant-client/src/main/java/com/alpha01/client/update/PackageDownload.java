package com.alpha01.client.update;

import com.alpha01.protocol.release.ReleaseSignature;
import com.alpha01.protocol.release.ReleaseTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches a published package and proves it before anything uses it: the signature first (a trusted key signed
 * this target, version and SHA-256 — else nothing is downloaded), then every byte: no more than the size
 * published, no fewer, and the SHA-256 signed. The bytes go to {@code <name>.part}; only a package that passed
 * becomes {@code <name>} (one atomic rename), so nothing half-downloaded or unproven is ever taken for a package.
 */
public final class PackageDownload {

    /** Why a package was refused; the 状态 screen words each. */
    public enum Failure {
        /** No trusted key signed this target, version and SHA-256 (or this build trusts no key). */
        SIGNATURE,
        /** The bytes are not the ones signed (tampered, or another file at that address). */
        CHECKSUM,
        /** The download ended before the size published. */
        TRUNCATED,
        /** More bytes came than the size published. */
        TOO_LARGE,
        /** The server answered with an error. */
        HTTP,
        /** The network failed (offline, timeout). */
        NETWORK,
        /** The package could not be written here (disk full, no permission). */
        DISK
    }

    /** A package refused, and why; nothing of it is left behind. */
    public static final class Refused extends Exception {
        private final Failure failure;

        Refused(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** Bytes so far of the total, for the progress bar. */
    @FunctionalInterface
    public interface Progress {
        void bytes(long done, long total);
    }

    /** No byte for this long: the download is given up (a server that stalls must not hold the update forever). */
    static final Duration STALL = Duration.ofSeconds(60);

    private final HttpClient http;
    private final List<PublicKey> trusted;
    private final Path dir;
    private final Duration stall;

    public PackageDownload(HttpClient http, List<PublicKey> trusted, Path dir) {
        this(http, trusted, dir, STALL);
    }

    PackageDownload(HttpClient http, List<PublicKey> trusted, Path dir, Duration stall) {
        this.http = http;
        this.trusted = List.copyOf(trusted);
        this.dir = dir;
        this.stall = stall;
    }

    /** The verified package for {@code version}, downloaded now or kept from an earlier run (checked again). */
    public Path fetch(ReleaseTarget target, String version, Release.PackageInfo pkg, Progress progress)
            throws Refused, InterruptedException {
        String sha256 = pkg.sha256() == null ? "" : pkg.sha256().strip().toLowerCase(Locale.ROOT);
        if (!ReleaseSignature.verify(trusted, target.id(), version, sha256, pkg.signature())) {
            throw new Refused(Failure.SIGNATURE, "no trusted release key signed " + target.id() + " " + version);
        }
        Path done = dir.resolve(target.id() + "-" + version + ".pkg");
        Path part = dir.resolve(done.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(done) && Files.size(done) == pkg.size()
                    && ReleaseSignature.sha256(done).equals(sha256)) {
                progress.bytes(pkg.size(), pkg.size());
                return done;
            }
            Files.deleteIfExists(done);
        } catch (IOException e) {
            throw new Refused(Failure.DISK, "the update folder is not usable: " + e.getMessage());
        }
        try {
            download(pkg, part, sha256, progress);
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
            return done;
        } catch (IOException e) {
            throw new Refused(Failure.DISK, "the package could not be written: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover .part is never read as a package; the next download replaces it
            }
        }
    }

    private void download(Release.PackageInfo pkg, Path part, String sha256, Progress progress)
            throws Refused, IOException, InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(pkg.url()).timeout(Duration.ofMinutes(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Refused(Failure.NETWORK, "the package could not be fetched: " + e.getMessage());
        }
        MessageDigest digest = ReleaseSignature.sha256Digest();
        long count = 0;
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part);
             Watchdog watchdog = new Watchdog(Thread.currentThread(), in, lastByte, stall)) {
            if (response.statusCode() != 200) {
                throw new Refused(Failure.HTTP, "the package address answered HTTP " + response.statusCode());
            }
            byte[] buffer = new byte[64 * 1024];
            long reported = 0;
            for (int n; (n = readSome(in, buffer)) > 0; lastByte.set(System.nanoTime())) {
                count += n;
                if (count > pkg.size()) {
                    throw new Refused(Failure.TOO_LARGE, "more bytes than the " + pkg.size() + " published");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (count - reported >= 256 * 1024 || count == pkg.size()) {
                    progress.bytes(count, pkg.size());
                    reported = count;
                }
            }
            if (watchdog.fired()) {
                Thread.interrupted(); // the watchdog's, not a caller's: cleared so the next download can write
                throw new Refused(Failure.NETWORK, "no data came for " + stall.toSeconds() + " s; tried again later");
            }
        }
        if (count < pkg.size()) {
            throw new Refused(Failure.TRUNCATED, "the download stopped at " + count + " of " + pkg.size() + " bytes");
        }
        if (!ReleaseSignature.hex(digest.digest()).equals(sha256)) {
            throw new Refused(Failure.CHECKSUM, "the package's SHA-256 is not the one signed");
        }
    }

    /**
     * Ends a read that waits longer than {@code stall} for a byte: interrupts the reader (the HTTP client's body
     * stream gives up a waiting read on interrupt) and closes the body.
     */
    private static final class Watchdog implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alpha01-update-watchdog");
            t.setDaemon(true);
            return t;
        });
        private final AtomicBoolean fired = new AtomicBoolean();

        Watchdog(Thread reader, InputStream body, AtomicLong lastByte, Duration stall) {
            long period = Math.max(100, stall.toMillis() / 4);
            timer.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - lastByte.get() > stall.toNanos() && fired.compareAndSet(false, true)) {
                    reader.interrupt();
                    try {
                        body.close();
                    } catch (IOException ignored) {
                        // the interrupt ends the read
                    }
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }

        boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** A read that reports a connection cut mid-way as the end of the bytes (then: truncated). */
    private static int readSome(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException cut) {
            return -1;
        }
    }
}
