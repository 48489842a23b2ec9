package com.alpha01.client.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Owns embedded Chromium for the test JVM: starts {@link CefRuntime} before the first test class
 * that uses it and shuts it down (in CEF's safe order) when the JVM's tests are done; tests and
 * lifecycle methods get it as a parameter. CEF starts once per JVM, so the classes of one JVM share
 * it: the merchant client's surefire forks one JVM per class, the ITs run their app-window classes
 * (MerchantDesktopIT, EndToEndBenchIT) in one JVM, each opening a window of its own.
 *
 * <p>Needs an X display: the build starts a private Xvfb ({@code bin/xvfb-for-build}) and passes
 * it as {@code DISPLAY}. Without one the class is skipped, saying so.
 */
public final class JcefExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JcefExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(),
                "no X display: the build starts Xvfb when it is installed (Debian: apt-get install xvfb)");
        runtime(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CefRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return runtime(context);
    }

    private static CefRuntime runtime(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Owned.class,
                key -> new Owned(CefRuntime.start(installDir())), Owned.class).runtime();
    }

    /** Where jcefmaven extracts the natives: {@code alpha01.jcef.dir}, else {@code target/jcef-bundle}. */
    public static Path installDir() {
        return Path.of(System.getProperty("alpha01.jcef.dir", "target/jcef-bundle")).toAbsolutePath();
    }

    private record Owned(CefRuntime runtime) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            runtime.close();
        }
    }
}
