package com.alpha01.client.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files of the UI, served from the classpath folder {@value #ROOT} under
 * {@code app://local/}. Only plain file names are served: no {@code ..}, no hidden files, no
 * folders, nothing outside {@value #ROOT}. Free of CEF types so that it is tested on its own.
 */
final class UiResources {

    static final String SCHEME = "app";
    static final String HOST = "local";
    static final String START_URL = SCHEME + "://" + HOST + "/index.html";
    static final String ROOT = "ui/";

    /** Libraries the UI imports, each by a fixed name: where they lie on the classpath (pinned in the pom). */
    static final Map<String, String> VENDOR = Map.of("vendor/echarts.esm.min.js",
            "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.esm.min.js");

    /** Sent as a header with every HTML page, in addition to the page's own meta tag. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.[a-z0-9]+");
    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain"));

    /** Whether {@code url} is a page of the app itself ({@code app://local/…}). */
    static boolean isAppUrl(String url) {
        return url != null && url.regionMatches(true, 0, SCHEME + "://" + HOST + "/", 0, SCHEME.length() + HOST.length() + 4);
    }

    /** One response. {@code body} is never null. */
    record Resource(int status, String mimeType, byte[] body) {

        boolean isText() {
            return mimeType.startsWith("text/") || mimeType.equals("application/json") || mimeType.equals("image/svg+xml");
        }
    }

    private final ClassLoader loader;

    UiResources(ClassLoader loader) {
        this.loader = loader;
    }

    Resource resolve(String url) {
        String path = pathOf(url);
        if (path == null) {
            return notFound();
        }
        String mime = MIME_TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (mime == null) {
            return notFound();
        }
        try (InputStream in = loader.getResourceAsStream(VENDOR.getOrDefault(path, ROOT + path))) {
            return in == null ? notFound() : new Resource(200, mime, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read UI file " + path, e);
        }
    }

    /** The file path below {@value #ROOT}, or {@code null} if the URL is not one we serve. */
    static String pathOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || !HOST.equalsIgnoreCase(uri.getHost())
                || uri.getRawPath() == null || uri.getRawPath().contains("%")) {
            return null;
        }
        String path = uri.getPath();
        path = path.isEmpty() || path.equals("/") ? "index.html" : path.substring(1);
        return SAFE_PATH.matcher(path).matches() && !path.contains("..") ? path : null;
    }

    private static Resource notFound() {
        return new Resource(404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
    }
}
