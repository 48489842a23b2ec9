package com.alpha01.client.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's keystore, where a store's random key is kept instead of being derived: on Linux the
 * Secret Service (GNOME Keyring, KWallet) through {@code secret-tool} from libsecret-tools. Java has
 * no portable way in without native code; the command is what every such desktop ships. Windows
 * and macOS have no implementation here (D28): the store falls back to the machine-bound key there.
 */
final class OsKeystore {

    /** The keystore is there but did not answer (locked, not running, no session bus). */
    static final class KeystoreException extends IOException {
        KeystoreException(String message) {
            super(message);
        }
    }

    static final String SERVICE = "alpha01-store";
    /** Long enough for a person to answer the desktop's unlock prompt that a locked keyring shows. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Path tool;
    private final Map<String, String> environment;

    private OsKeystore(Path tool, Map<String, String> environment) {
        this.tool = tool;
        this.environment = environment;
    }

    /**
     * The keystore of this session, if the platform has one the app can reach: Linux with
     * {@code secret-tool} on the PATH and a D-Bus session bus.
     */
    static Optional<OsKeystore> detect(Map<String, String> environment) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        String runtime = environment.get("XDG_RUNTIME_DIR");
        boolean hasBus = (bus != null && !bus.isBlank())
                || (runtime != null && Files.exists(Path.of(runtime, "bus")));
        if (!hasBus) {
            return Optional.empty();
        }
        for (String dir : environment.getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "secret-tool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new OsKeystore(candidate, Map.copyOf(environment)));
            }
        }
        return Optional.empty();
    }

    /** The secret stored for {@code storeId}; empty when there is none. */
    Optional<String> lookup(String storeId) throws KeystoreException {
        Result r = run(List.of("lookup", "service", SERVICE, "store", storeId), null);
        if (r.exit == 0 && !r.out.isEmpty()) {
            return Optional.of(r.out);
        }
        if (r.err.isBlank()) {
            return Optional.empty(); // secret-tool: exit 1, nothing said = no such item
        }
        throw new KeystoreException("the desktop keystore did not answer: " + firstLine(r.err));
    }

    /** Stores {@code secret} for {@code storeId} (replacing one stored before). */
    void store(String storeId, String secret) throws KeystoreException {
        Result r = run(List.of("store", "--label=Alpha 01 local store key", "service", SERVICE, "store", storeId), secret);
        if (r.exit != 0) {
            throw new KeystoreException("the desktop keystore refused the key: " + firstLine(r.err));
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(List<String> args, String stdin) throws KeystoreException {
        ProcessBuilder pb = new ProcessBuilder(concat(tool.toString(), args));
        pb.environment().clear();
        pb.environment().putAll(environment);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            var out = readAsync(p.getInputStream());
            var err = readAsync(p.getErrorStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new KeystoreException("the desktop keystore did not answer within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new KeystoreException("secret-tool could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoreException("interrupted while asking the desktop keystore");
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new ArrayList<String>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
