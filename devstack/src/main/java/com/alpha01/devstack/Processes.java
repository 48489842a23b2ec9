package com.alpha01.devstack;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Child server processes: stopping them politely (the whole tree, SIGTERM first, SIGKILL after a
 * grace period) and asking whether they answer yet.
 */
public final class Processes {

    private Processes() {
    }

    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The HTTP status of a GET on {@code uri}, or -1 while nothing answers there. */
    public static int httpStatus(URI uri) {
        return httpStatus(uri, null);
    }

    /** The same over HTTPS with {@code tls}'s trust (null: the JVM's). */
    public static int httpStatus(URI uri, SSLContext tls) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            if (tls != null && c instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls.getSocketFactory());
            }
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }
}
