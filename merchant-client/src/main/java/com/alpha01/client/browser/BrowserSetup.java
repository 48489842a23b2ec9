package com.alpha01.client.browser;

import com.alpha01.client.files.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.CefBuildInfo;
import me.friwi.jcefmaven.EnumPlatform;
import me.friwi.jcefmaven.UnsupportedPlatformException;
import me.friwi.jcefmaven.impl.step.check.CefInstallationChecker;
import me.friwi.jcefmaven.impl.step.fetch.PackageClasspathStreamer;
import org.jboss.logging.Logger;

/**
 * The embedded browser's natives at the first start (D61). On Linux they travel in the package; on Windows and
 * macOS jcefmaven fetches them (its mirrors, or {@code cef.mirrors}). jcefmaven marks a finished install with
 * {@code install.lock}, written last; a failed attempt here also removes what it left, so the next start never
 * finds half a browser. Each attempt is shown ({@link Presenter}: the first-start window, or lines on the console),
 * and a failure says whether the network was missing, asking whether to try again.
 */
public final class BrowserSetup {

    private static final Logger LOG = Logger.getLogger(BrowserSetup.class);

    /** Why an attempt failed, for the words shown. */
    public enum Failure {
        /** No connection to the download address (offline, DNS, refused, timed out). */
        OFFLINE,
        /** The download came but was not usable (an error page, a cut or damaged file). */
        DOWNLOAD,
        /** The browser's folder could not be written. */
        DISK,
        /** This system has no build of the browser. */
        UNSUPPORTED
    }

    /** Where the first start is shown. */
    public interface Presenter {
        /** {@code stage}: LOCATING, DOWNLOADING, EXTRACTING, INSTALL…; {@code percent} -1 when unknown. */
        void progress(String stage, float percent);

        /** An attempt failed: true to try again, false to give up (the app then ends). */
        boolean retry(Failure failure, String detail);
    }

    private BrowserSetup() {
    }

    /** Whether the browser is installed already, or its natives travel in this package (no download then). */
    public static boolean ready(Path installDir) {
        try {
            if (CefInstallationChecker.checkInstallation(installDir.toFile())) {
                return true;
            }
            try (InputStream natives = PackageClasspathStreamer.streamNatives(CefBuildInfo.fromClasspath(),
                    EnumPlatform.getCurrentPlatform())) {
                return natives != null;
            }
        } catch (IOException | UnsupportedPlatformException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Installs the browser into {@code installDir}, fetching it from {@code mirrors} (jcefmaven's when empty),
     * until it is installed or the presenter gives up. Returns whether it is installed.
     */
    public static boolean ensure(Path installDir, List<String> mirrors, Presenter presenter) {
        // The download uses HttpURLConnection, which waits forever by default: a dead network must end an attempt.
        System.setProperty("sun.net.client.defaultConnectTimeout", "15000");
        System.setProperty("sun.net.client.defaultReadTimeout", "60000");
        while (true) {
            CefAppBuilder builder = new CefAppBuilder();
            builder.setInstallDir(installDir.toFile());
            if (!mirrors.isEmpty()) {
                builder.setMirrors(mirrors);
            }
            builder.setProgressHandler((state, percent) -> presenter.progress(state.name(), percent));
            try {
                builder.install();
                LOG.infof("The embedded browser is installed in %s", installDir);
                return true;
            } catch (UnsupportedPlatformException e) {
                presenter.retry(Failure.UNSUPPORTED, e.getMessage());
                return false;
            } catch (IOException | RuntimeException e) {
                removeQuietly(installDir);
                Failure failure = classify(e);
                LOG.warnf("Installing the embedded browser failed (%s): %s", failure, e.getMessage());
                if (!presenter.retry(failure, describe(e))) {
                    return false;
                }
            }
        }
    }

    /** {@code cef.mirrors} ({@code ALPHA01_CEF_MIRRORS}): download addresses, comma-separated, in order. */
    public static List<String> mirrors(String setting) {
        return setting == null || setting.isBlank() ? List.of()
                : Stream.of(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return Failure.OFFLINE;
            }
            if (t instanceof FileSystemException || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("could not create")) {
                return Failure.DISK;
            }
        }
        return Failure.DOWNLOAD;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void removeQuietly(Path dir) {
        try {
            Folders.delete(dir);
        } catch (IOException e) {
            LOG.warnf("What the failed attempt left in %s could not all be removed: %s", dir, e.getMessage());
        }
    }

    /**
     * {@code java … BrowserSetup <installDir> [mirrors] [attempts]}: installs the browser with progress on the
     * console, trying {@code attempts} times (default 1); exit 0 when installed. The first-start test runs it.
     */
    public static void main(String[] args) {
        int[] left = {args.length > 2 ? Integer.parseInt(args[2]) : 1};
        boolean ok = ensure(Path.of(args[0]), mirrors(args.length > 1 ? args[1] : ""), new Presenter() {
            @Override
            public void progress(String stage, float percent) {
                System.out.println("progress " + stage + " " + Math.round(percent));
            }

            @Override
            public boolean retry(Failure failure, String detail) {
                System.out.println("failed " + failure + " " + detail);
                return --left[0] > 0;
            }
        });
        System.out.println(ok ? "installed" : "not installed");
        System.exit(ok ? 0 : 1);
    }
}
