package com.alpha01.client.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A desktop keystore of the test's own: a private D-Bus session bus (no service activation, so
 * nothing starts on it that the test did not start) and an unlocked GNOME Keyring on it (Debian packages dbus-daemon, gnome-keyring, libsecret-tools, which .ci/run installs), with a
 * HOME in a temporary folder. {@link #environment()} is what a process in that desktop session sees.
 */
final class PrivateKeyring implements AutoCloseable {

    private final Process bus;
    private final Process keyring;
    private final Map<String, String> environment;

    private PrivateKeyring(Process bus, Process keyring, Map<String, String> environment) {
        this.bus = bus;
        this.keyring = keyring;
        this.environment = environment;
    }

    static PrivateKeyring start(Path home) throws IOException, InterruptedException {
        for (String tool : new String[] {"dbus-daemon", "gnome-keyring-daemon", "secret-tool"}) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
                throw new IllegalStateException("/usr/bin/" + tool + " missing: install the Debian packages dbus-daemon, "
                        + "gnome-keyring and libsecret-tools (.ci/run does)");
            }
        }
        Files.createDirectories(home);
        // A session bus without service activation: otherwise an early secret-tool call makes the bus start a
        // keyring daemon of its own, which outlives the test.
        Path config = Files.writeString(home.resolve("session-bus.conf"), """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:tmpdir=/tmp</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """);
        Process bus = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--nopidfile",
                "--print-address=1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address = new java.io.BufferedReader(new java.io.InputStreamReader(bus.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (address == null || address.isBlank()) {
            bus.destroyForcibly();
            throw new IllegalStateException("dbus-daemon printed no address");
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", home.toString());
        env.put("DBUS_SESSION_BUS_ADDRESS", address.strip());
        ProcessBuilder pb = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("test-keyring-password".getBytes(StandardCharsets.UTF_8));
        }
        PrivateKeyring started = new PrivateKeyring(bus, keyring, Map.copyOf(env));
        started.awaitReady(Duration.ofSeconds(20));
        return started;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Polls until secret-tool gets an answer (no such item) instead of a D-Bus error. */
    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            ProcessBuilder pb = new ProcessBuilder("secret-tool", "lookup", "service", "alpha01-probe", "x", "y");
            pb.environment().clear();
            pb.environment().putAll(environment);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            last = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (last.isBlank()) {
                return;
            }
            if (!keyring.isAlive()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        close();
        throw new IllegalStateException("the test keyring did not come up: " + last);
    }

    @Override
    public void close() {
        keyring.destroy();
        bus.destroy();
        try {
            keyring.waitFor(5, TimeUnit.SECONDS);
            bus.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
