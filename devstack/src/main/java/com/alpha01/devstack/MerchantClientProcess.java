package com.alpha01.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The merchant client as its own process (as on a shop PC), signed in as the demo staff user.
 * Without a {@code DISPLAY} it gets a virtual one from Xvfb, so the stack also runs headless.
 */
final class MerchantClientProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MerchantClientProcess.class);
    static final String DEMO_STAFF = "demo-staff";
    static final String DEMO_STAFF_PASSWORD = "Demo-staff-2026";

    private final Process process;
    private final Process xvfb;
    private final Path urlFile;

    private MerchantClientProcess(Process process, Process xvfb, Path urlFile) {
        this.process = process;
        this.xvfb = xvfb;
        this.urlFile = urlFile;
    }

    /** Starts the app; with {@code tls}, it trusts the stack's CA ({@code ALPHA01_TRUST_STORE}) besides the system's. */
    static MerchantClientProcess start(DevStackConfig config, URI issuer, LocalCa tls) throws IOException, InterruptedException {
        Path home = Files.createDirectories(config.stateDir().resolve("client"));
        Path urlFile = config.stateDir().resolve("customer-url.txt");
        Files.deleteIfExists(urlFile);
        String classpath = Files.readString(config.clientClasspath()).strip();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-cp", classpath,
                "com.alpha01.client.app.MerchantClientApp"))
                .redirectErrorStream(true).redirectOutput(config.stateDir().resolve("logs/merchant-client.log").toFile());
        Files.createDirectories(config.stateDir().resolve("logs"));
        pb.environment().put("ALPHA01_HOME", home.toString());
        pb.environment().put("ALPHA01_SERVER_URL", config.publicUrl());
        pb.environment().put("ALPHA01_OIDC_URL", issuer.toString());
        if (tls != null) {
            pb.environment().put("ALPHA01_TRUST_STORE", tls.caCertificate().toString());
        }
        pb.environment().putIfAbsent("ALPHA01_CLIENT_USERNAME", DEMO_STAFF);
        pb.environment().putIfAbsent("ALPHA01_CLIENT_PASSWORD", DEMO_STAFF_PASSWORD);
        pb.environment().put("ALPHA01_QR_FILE", urlFile.toString());
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            int number = 90 + (int) (ProcessHandle.current().pid() % 100);
            xvfb = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(config.stateDir().resolve("logs/xvfb.log").toFile())
                    .start();
            pb.environment().put("DISPLAY", ":" + number);
            LOG.infof("No DISPLAY: the merchant client window runs on virtual display :%d (Xvfb)", number);
        }
        LOG.info("Starting the merchant client");
        return new MerchantClientProcess(pb.start(), xvfb, urlFile);
    }

    /** Waits until the client has signed in, registered and written its QR code's URL. */
    String awaitCustomerUrl(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(urlFile) && Files.size(urlFile) > 0) {
                return Files.readString(urlFile).strip();
            }
            if (!process.isAlive()) {
                throw new IOException("the merchant client exited (code " + process.exitValue()
                        + "); see .alpha01/logs/merchant-client.log");
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IOException("the merchant client did not register within " + timeout);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
        if (xvfb != null) {
            Processes.stop(xvfb, Duration.ofSeconds(5));
        }
    }
}
