package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Once Chromium's threads run, nothing in this process may add a variable to the C environment.
 * glibc's {@code setenv} of a new name reallocates the {@code environ} array, often freeing the old one, and
 * Chromium's threads call {@code getenv} all the time (its D-Bus thread at start-up among them): two
 * CI runs died with SIGSEGV in {@code getenv} that way. Chromium's own {@code setenv("FC_FONTATIONS")}
 * on a font worker was the writer (found with {@code bin/trace-env-writes}, which also says who set a
 * variable this test names; see CefRuntime). This reads libc's own {@code environ} (Java's {@code System.getenv()} is a copy
 * taken once) through JNA (it comes with DJL, the embedding model's runtime) before CEF starts and
 * after a page has rendered text, when fonts are set up.
 *
 * <p>Starts CEF itself rather than through {@link JcefExtension}, to see the environment before.
 * The merchant client's surefire forks a JVM per test class, so this is the only CEF in its JVM.
 */
class CefEnvironmentTest {

    /**
     * Added by {@code CefInitialize} on the calling thread (value {@code disabled:}, only when unset)
     * before Chromium starts a thread of its own, so no getenv of Chromium's runs beside it.
     */
    private static final Set<String> SET_BEFORE_CHROMIUM_THREADS = Set.of("DBUS_SESSION_BUS_ADDRESS");

    @Test
    void once_chromium_runs_no_variable_is_added_to_or_removed_from_the_process_environment() throws Exception {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(),
                "no X display (the build starts Xvfb when installed)");
        // AWT's library does putenv("GDK_BACKEND=x11") when it loads; CefRuntime loads it before CEF for that reason.
        java.awt.Toolkit.getDefaultToolkit();
        Set<String> before = cEnvironmentNames();

        FakeDesktop desktop = new FakeDesktop();
        try (CefRuntime cef = CefRuntime.start(JcefExtension.installDir())) {
            UiDriver ui = UiDriver.open(cef, desktop.bridge, Duration.ofSeconds(20));
            // Text laid out means the browser's font set-up (where FC_FONTATIONS was set) is done.
            ui.waitFor("document.fonts.status === 'loaded'"
                    + " && document.querySelector('.status-text').textContent === '在线'");
            Set<String> changed = symmetricDifference(before, cEnvironmentNames());
            changed.removeAll(SET_BEFORE_CHROMIUM_THREADS);
            assertEquals(Set.of(), changed, "environment variables added or removed while Chromium's threads ran");
        } finally {
            desktop.bridge.close();
        }
    }

    /** The names in libc's {@code environ} (values never read: they may hold secrets). */
    private static Set<String> cEnvironmentNames() {
        Pointer array = NativeLibrary.getInstance("c").getGlobalVariableAddress("environ").getPointer(0);
        Set<String> names = new TreeSet<>();
        for (long i = 0; ; i++) {
            Pointer entry = array.getPointer(i * Native.POINTER_SIZE);
            if (entry == null) {
                return names;
            }
            String variable = entry.getString(0, "ISO-8859-1");
            int eq = variable.indexOf('=');
            names.add(eq < 0 ? variable : variable.substring(0, eq));
        }
    }

    private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.addAll(b);
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        result.removeAll(both);
        return result;
    }
}
