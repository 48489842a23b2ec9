package com.alpha01.client.update;

import com.alpha01.client.link.ServerTrust;
import com.alpha01.protocol.release.ReleaseSignature;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The app's {@link Updater}, made from how this app was started. */
public final class AppUpdates {

    private AppUpdates() {
    }

    /**
     * Downloads only in a packaged app ({@code jpackage.app-path} set); packages go to {@code <home>/updates}.
     * Trusted keys: those this build ships, and any in {@code -Dalpha01.update.public.keys} (set in the package's
     * launcher configuration by a company that signs its own builds, and by the update tests).
     */
    public static Updater create(Path home, Supplier<URI> server, String version, String clientId,
                                 Consumer<JsonObject> emit) {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "alpha01-update");
            t.setDaemon(true);
            return t;
        });
        return create(home, server, version, clientId, emit, background);
    }

    /** As above, downloading on {@code background} ({@code Runnable::run}: in the caller's thread). */
    public static Updater create(Path home, Supplier<URI> server, String version, String clientId,
                                 Consumer<JsonObject> emit, Executor background) {
        Optional<AppImageInstall> install = AppImageInstall.running();
        boolean packaged = System.getProperty("jpackage.app-path") != null;
        Optional<PackageDownload> download = packaged ? Optional.of(new PackageDownload(ServerTrust.shared()
                .httpClient().connectTimeout(Duration.ofSeconds(10)).build(), trustedKeys(), home.resolve("updates")))
                : Optional.empty();
        return new Updater(new ReleaseCheck(), server, version, Updater.targetOf(install), clientId, download, install,
                background, emit);
    }

    static List<PublicKey> trustedKeys() {
        List<PublicKey> keys = new ArrayList<>(ReleaseSignature.shippedKeys());
        String extra = System.getProperty("alpha01.update.public.keys");
        if (extra != null && !extra.isBlank()) {
            keys.addAll(ReleaseSignature.publicKeys(extra));
        }
        return keys;
    }
}
