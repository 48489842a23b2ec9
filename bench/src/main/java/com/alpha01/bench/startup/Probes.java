package com.alpha01.bench.startup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * "Working", asked from outside as a user would find it: the server's health answers UP (its database
 * answers), Keycloak's realm publishes its OpenID configuration, WildFly has logged that a merchant
 * client's socket is connected, and the counter code's URL (the QR code) answers 303 to the chat page.
 */
final class Probes {

    private final HttpClient http;

    private final URI health;
    private final URI realm;
    private final URI counterCode;
    private final Path serverLog;
    private final long serverLogFrom;

    /** {@code serverLogFrom}: the length WildFly's log had before this start (earlier starts' lines are not this one's). */
    Probes(URI server, URI issuer, URI counterCode, Path serverLog, long serverLogFrom, javax.net.ssl.SSLContext tls) {
        // The stack's own CA (made afresh by a cold start) besides the JDK's: a new client per start.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.health = URI.create(server + "/api/v1/health");
        this.realm = URI.create(issuer + "/.well-known/openid-configuration");
        this.counterCode = counterCode;
        this.serverLog = serverLog;
        this.serverLogFrom = serverLogFrom;
    }

    /** Polls every 100 ms; returns the {@link System#nanoTime()} at which everything answered. */
    long awaitWorking(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (answers(health, 200, "\"status\":\"UP\"") && answers(realm, 200, "\"issuer\"")
                    && StartupLogs.clientConnected(serverLogSinceStart())) {
                long at = System.nanoTime();
                // Last and once: every scan of the counter code is recorded as one.
                HttpResponse<Void> scan = http.send(HttpRequest.newBuilder(counterCode).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                String location = scan.headers().firstValue("Location").orElse("");
                if (scan.statusCode() != 303 || !location.contains("/chat/")) {
                    throw new IOException("the counter code answered " + scan.statusCode() + " instead of 303 to /chat/");
                }
                return at;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IOException("the stack was not working within " + timeout + " (health, realm or merchant client)");
    }

    private boolean answers(URI uri, int status, String bodyPart) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == status && r.body().contains(bodyPart);
        } catch (IOException e) {
            return false;
        }
    }

    private String serverLogSinceStart() throws IOException {
        if (!Files.exists(serverLog)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(serverLog.toFile(), "r")) {
            long from = f.length() < serverLogFrom ? 0 : serverLogFrom; // rotated meanwhile: all of the new file
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE, f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
