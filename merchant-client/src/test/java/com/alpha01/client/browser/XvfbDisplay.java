package com.alpha01.client.browser;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private virtual X display for one test: {@code Xvfb -displayfd} picks a free display number
 * itself and prints it once it accepts connections, so there is no guessing and no race.
 */
final class XvfbDisplay implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final String display;

    private XvfbDisplay(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** The Xvfb executable on the PATH, if installed. */
    static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "Xvfb");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static XvfbDisplay start(Path xvfb, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24",
                "-nolisten", "tcp")
                .redirectError(log.toFile())
                .start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null || !n.strip().matches("\\d+")) {
                throw new IOException("Xvfb did not report a display number; see " + log);
            }
            return new XvfbDisplay(process, ":" + n.strip());
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Xvfb did not start within " + START_TIMEOUT + "; see " + log, e);
        }
    }

    /** The value for {@code DISPLAY}, such as {@code :3}. */
    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
