package com.alpha01.client.update;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.protocol.release.ReleaseTarget;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps the app current as the server decides (D60): checks what is published for this app's target, fetches an
 * offered package in the background (progress on 状态), proves it ({@link PackageDownload}) and gets it ready for
 * the next start: an app-image unpacks it beside the running version ({@link AppImageInstall}); a .deb, .msi or
 * .dmg is handed to the system's installer when staff choose to restart. A version that failed to start once is
 * not fetched again. An app not started from a package (the dev stack, tests) only reports what is published.
 */
public final class Updater {

    private static final Logger LOG = Logger.getLogger(Updater.class);

    /** Where the update stands, for 状态. */
    public enum Stage { IDLE, DOWNLOADING, READY, FAILED }

    private final ReleaseCheck check;
    private final Supplier<URI> server;
    private final String current;
    private final ReleaseTarget target;
    private final String clientId;
    private final Optional<PackageDownload> download;
    private final Optional<AppImageInstall> install;
    private final Executor background;
    private final Consumer<JsonObject> emit;

    private volatile Release release = Release.UNKNOWN;
    private volatile Stage stage = Stage.IDLE;
    private volatile long done;
    private volatile long total;
    private volatile String failure = "";
    private volatile String readyVersion = "";
    private volatile Path readyPackage;
    private volatile Opener opener = command -> new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();

    /** Starts the system's installer (tests record the command instead). */
    @FunctionalInterface
    interface Opener {
        void accept(List<String> command) throws IOException;
    }

    public Updater(ReleaseCheck check, Supplier<URI> server, String current, ReleaseTarget target, String clientId,
                   Optional<PackageDownload> download, Optional<AppImageInstall> install, Executor background,
                   Consumer<JsonObject> emit) {
        this.check = check;
        this.server = server;
        this.current = current;
        this.target = target;
        this.clientId = clientId;
        this.download = download;
        this.install = install;
        this.background = background;
        this.emit = emit;
    }

    void useOpener(Opener opener) {
        this.opener = opener;
    }

    /** This app's target: a self-updating app-image, else the package kind of its system. */
    public static ReleaseTarget targetOf(Optional<AppImageInstall> install) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (install.isPresent()) {
            return ReleaseTarget.LINUX_APP_IMAGE;
        }
        return os.contains("win") ? ReleaseTarget.WINDOWS_MSI : os.contains("mac") ? ReleaseTarget.MACOS_DMG
                : ReleaseTarget.LINUX_DEB;
    }

    /** Asks the server, and starts fetching when a package is offered (at start, then daily). */
    public void check() {
        Release r = check.check(server.get(), current, target, clientId);
        release = r;
        if (r.available()) {
            LOG.infof("Update %s published for %s (this is %s)%s", r.latest(), target.id(), current,
                    r.required() ? ", and this version is below the minimum" : "");
        }
        if (stage == Stage.DOWNLOADING || (stage == Stage.READY && readyVersion.equals(r.latest()))) {
            emit.accept(state());
            return;
        }
        boolean failedBefore = install.map(i -> i.failed(r.latest())).orElse(false);
        if ((r.toFetch() || r.required() && r.pkg() != null) && download.isPresent() && !failedBefore) {
            stage = Stage.DOWNLOADING;
            done = 0;
            total = r.pkg().size();
            failure = "";
            background.execute(() -> fetch(r));
        }
        emit.accept(state());
    }

    private void fetch(Release r) {
        try {
            Path pkg = download.orElseThrow().fetch(target, r.latest(), r.pkg(), (bytes, of) -> {
                done = bytes;
                total = of;
                emit.accept(state());
            });
            if (install.isPresent()) {
                install.get().stage(pkg, r.latest());
            }
            readyPackage = pkg;
            readyVersion = r.latest();
            stage = Stage.READY;
            LOG.infof("Update %s is ready for the next start", r.latest());
            if (install.isEmpty()) {
                openAtNextStart(pkg);
            }
        } catch (PackageDownload.Refused e) {
            stage = Stage.FAILED;
            failure = e.failure().name();
            LOG.warnf("Update %s refused (%s): %s", r.latest(), e.failure(), e.getMessage());
        } catch (IOException e) {
            stage = Stage.FAILED;
            failure = "INSTALL";
            LOG.warnf("Update %s could not be unpacked: %s", r.latest(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stage = Stage.IDLE;
        }
        emit.accept(state());
    }

    /**
     * Staff chose to update now: an app-image restarts through its launcher once this app has ended
     * ({@code quit} ends it); a .deb, .msi or .dmg opens in the system's installer, which asks to close the app.
     */
    public void apply(Runnable quit) throws IOException {
        if (stage != Stage.READY) {
            throw new IOException("no update is ready");
        }
        if (install.isPresent()) {
            String launcher = install.get().root().resolve(AppImageInstall.APP).toString();
            new ProcessBuilder("sh", "-c", "while kill -0 \"$1\" 2>/dev/null; do sleep 0.2; done; exec \"$2\"", "sh",
                    String.valueOf(ProcessHandle.current().pid()), launcher)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            LOG.infof("Restarting into %s", readyVersion);
            quit.run();
            return;
        }
        openInstaller(readyPackage);
    }

    /**
     * A .deb, .msi or .dmg proven in an earlier run is "the next restart": its installer opens once by itself
     * ({@code <package>.ready} marks the first run that had it; {@code .opened} that it was opened).
     */
    private void openAtNextStart(Path pkg) throws IOException {
        Path ready = pkg.resolveSibling(pkg.getFileName() + ".ready");
        Path opened = pkg.resolveSibling(pkg.getFileName() + ".opened");
        if (Files.exists(opened)) {
            return;
        }
        if (Files.exists(ready)) {
            Files.move(ready, opened);
            openInstaller(pkg);
        } else {
            Files.writeString(ready, readyVersion);
        }
    }

    private void openInstaller(Path pkg) throws IOException {
        String file = pkg.toString();
        List<String> open = switch (target) {
            case WINDOWS_MSI -> List.of("msiexec", "/i", file);
            case MACOS_DMG -> List.of("open", file);
            default -> List.of("xdg-open", file);
        };
        opener.accept(open);
        LOG.infof("The installer of %s was opened", readyVersion);
    }


    /** For 状态: what is published, and how far this app is on its way there. */
    public JsonObject state() {
        Release r = release;
        String rolledBack = install.filter(i -> r.checked() && i.failed(r.latest())).map(i -> r.latest()).orElse("");
        return JSON.createObjectBuilder(r.toJson()).add("current", current).add("target", target.id())
                .add("stage", stage.name()).add("done", done).add("total", total).add("failure", failure)
                .add("ready", readyVersion).add("selfInstalling", install.isPresent()).add("rolledBack", rolledBack)
                .add("canDownload", download.isPresent()).build();
    }
}
