package com.alpha01.client.update;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.link.ServerTrust;
import com.alpha01.protocol.release.ReleaseTarget;
import com.alpha01.protocol.release.Versions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks the server what it publishes for this app's target ({@code GET /api/v1/client-release?target=…&client=…
 * &version=…}) and compares it with this version. A failed check is "not checked", never an error dialog.
 */
public final class ReleaseCheck {

    private final HttpClient http;

    public ReleaseCheck() {
        this(ServerTrust.shared().httpClient().connectTimeout(Duration.ofSeconds(5)).build());
    }

    ReleaseCheck(HttpClient http) {
        this.http = http;
    }

    public Release check(URI server, String current, ReleaseTarget target, String clientId) {
        try {
            URI uri = server.resolve("/api/v1/client-release?target=" + target.id() + "&client="
                    + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&version="
                    + URLEncoder.encode(current, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Release.UNKNOWN;
            }
            return read(JSON.createReader(new StringReader(response.body())).readObject(), current, target);
        } catch (IOException | RuntimeException e) {
            return Release.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Release.UNKNOWN;
        }
    }

    static Release read(JsonObject o, String current, ReleaseTarget target) {
        String latest = o.getString("latest", "");
        String minimum = o.getString("minimum", "");
        boolean available = Versions.valid(latest) && Versions.compare(latest, current) > 0;
        boolean required = Versions.valid(minimum) && Versions.compare(current, minimum) < 0;
        Release.PackageInfo pkg = null;
        if (o.get("package") instanceof JsonObject p && p.getJsonNumber("size") != null) {
            URI url = URI.create(p.getString("url", ""));
            if ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme())) {
                pkg = new Release.PackageInfo(url, p.getJsonNumber("size").longValue(), p.getString("sha256", ""),
                        p.getString("signature", ""));
            }
        }
        return new Release(true, target.id(), latest, minimum, available, required,
                o.getBoolean("offered", false), pkg, o.getString("notes", ""));
    }
}
