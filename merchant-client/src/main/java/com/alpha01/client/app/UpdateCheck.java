package com.alpha01.client.app;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.link.ServerTrust;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Compares this app's version with the one the server publishes ({@code GET /api/v1/client-release}):
 * "update available" when the server's latest is newer, "update required" when this version is
 * below its minimum. A failed check is reported as not checked, never as an error dialog.
 */
final class UpdateCheck {

    private static final Logger LOG = Logger.getLogger(UpdateCheck.class);

    record Result(boolean checked, boolean available, boolean required, String latest, String downloadUrl) {

        static final Result UNKNOWN = new Result(false, false, false, "", "");

        JsonObject toJson() {
            return JSON.createObjectBuilder().add("checked", checked).add("available", available)
                    .add("required", required).add("latest", latest).add("downloadUrl", downloadUrl).build();
        }
    }

    private final HttpClient http = ServerTrust.shared().httpClient().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Result last = Result.UNKNOWN;

    /** Checks {@code current} against {@code server} and keeps the result (shown on 状态). */
    void refresh(URI server, String current) {
        last = check(server, current);
        if (last.available()) {
            LOG.infof("Update available: %s (this is %s)", last.latest(), current);
        }
    }

    /** The last check's result ({@link Result#UNKNOWN} before the first). */
    Result last() {
        return last;
    }

    Result check(URI server, String current) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/client-release"))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Result.UNKNOWN;
            }
            JsonObject o = JSON.createReader(new StringReader(response.body())).readObject();
            String latest = o.getString("latest", "");
            String minimum = o.getString("minimum", "");
            return new Result(true, compare(latest, current) > 0, !minimum.isEmpty() && compare(current, minimum) < 0,
                    latest, o.getString("downloadUrl", ""));
        } catch (java.io.IOException | RuntimeException e) {
            return Result.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.UNKNOWN;
        }
    }

    /**
     * Compares dotted versions numerically ({@code 0.10.0 > 0.9.1}); a suffix such as
     * {@code -SNAPSHOT} sorts before the release of the same number.
     */
    static int compare(String a, String b) {
        String[] x = a.split("-", 2);
        String[] y = b.split("-", 2);
        String[] p = x[0].split("\\.");
        String[] q = y[0].split("\\.");
        for (int i = 0; i < Math.max(p.length, q.length); i++) {
            int c = Long.compare(number(p, i), number(q, i));
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(x.length == 1, y.length == 1);
    }

    private static long number(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i].strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
