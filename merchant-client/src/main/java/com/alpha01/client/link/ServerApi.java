package com.alpha01.client.link;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/** The server's REST API as the merchant client uses it: registration, QR codes, the shop's figures and welcome line. */
public final class ServerApi {

    private static final String WELCOME_LINE = "/api/v1/merchant/welcome-line";

    private final URI base;
    private final Supplier<String> accessToken;
    private final HttpClient http = ServerTrust.shared().httpClient().connectTimeout(Duration.ofSeconds(10)).build();

    public record Registration(String clientId, String merchantId, String merchantCode, String merchantName,
                               String staffName) {
    }

    public record QrCode(String id, String url, byte[] png) {
    }

    /** A REST call failed; {@code error} is the server's error code (or HTTP_<status>). */
    public static final class ApiException extends IOException {
        private final int status;
        private final String error;

        public ApiException(int status, String error, String message) {
            super(status + " " + error + ": " + message);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    public ServerApi(URI base, Supplier<String> accessToken) {
        this.base = base;
        this.accessToken = accessToken;
    }

    public Registration register(String deviceId, String name, String version) throws IOException, InterruptedException {
        return register(deviceId, name, version, null);
    }

    /** Registers (or re-registers) this device; {@code capacity}, when set, caps its open conversations. */
    public Registration register(String deviceId, String name, String version, Integer capacity)
            throws IOException, InterruptedException {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("deviceId", deviceId).add("name", name)
                .add("version", version);
        if (capacity != null) {
            body.add("capacity", capacity);
        }
        JsonObject o = post("/api/v1/clients", body);
        return new Registration(o.getString("clientId"), o.getString("merchantId"), o.getString("merchantCode"),
                o.getString("merchantName"), o.getString("staffName", ""));
    }

    /** A QR code bound to this client, with a label. */
    public QrCode createQr(String clientId, String label) throws IOException, InterruptedException {
        return createQr(clientId, label, null, null, null);
    }

    /**
     * A QR code: bound to {@code clientId} (null: any client of the merchant), with a label, a
     * scene/store tag, a validity in seconds and a use limit, each optional.
     */
    public QrCode createQr(String clientId, String label, String scene, Long validForSeconds, Integer maxUses)
            throws IOException, InterruptedException {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (clientId != null) {
            body.add("clientId", clientId);
        }
        if (label != null) {
            body.add("label", label);
        }
        if (scene != null) {
            body.add("scene", scene);
        }
        if (validForSeconds != null) {
            body.add("validForSeconds", validForSeconds);
        }
        if (maxUses != null) {
            body.add("maxUses", maxUses);
        }
        return qrCode(post("/api/v1/qr-codes", body));
    }

    /** The merchant's codes, newest first: settings, status and funnel of each. */
    public jakarta.json.JsonArray listQr() throws IOException, InterruptedException {
        return JSON.createReader(new StringReader(send(request("/api/v1/qr-codes").GET()))).readArray();
    }

    /** The shop's figures of the last 7 days ({@code GET /api/v1/analytics/shop}, docs/analytics.md). */
    public JsonObject weekFigures() throws IOException, InterruptedException {
        return parse(send(request("/api/v1/analytics/shop").GET()));
    }

    /** Today's figures of the caller's shop ({@code GET /api/v1/merchant/stats}). */
    public JsonObject stats() throws IOException, InterruptedException {
        return parse(send(request("/api/v1/merchant/stats").GET()));
    }

    /**
     * The line the shop opens an empty chat with ({@code GET /api/v1/merchant/welcome-line}, merchant admins):
     * {@code welcomeLine}, the shop's own (absent when none is set), and {@code shown}, what customers see.
     */
    public JsonObject welcomeLine() throws IOException, InterruptedException {
        return parse(send(request(WELCOME_LINE).GET()));
    }

    /** Sets the shop's welcome line (null or blank: the default); {@code BAD_TEXT} for more than 200 characters. */
    public JsonObject setWelcomeLine(String line) throws IOException, InterruptedException {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (line == null) {
            body.addNull("welcomeLine");
        } else {
            body.add("welcomeLine", line);
        }
        return parse(send(request(WELCOME_LINE).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.build().toString()))));
    }

    /** One code with its funnel. */
    public JsonObject qr(String id) throws IOException, InterruptedException {
        return parse(send(request("/api/v1/qr-codes/" + id).GET()));
    }

    public JsonObject revokeQr(String id) throws IOException, InterruptedException {
        return post("/api/v1/qr-codes/" + id + "/revoke", JSON.createObjectBuilder());
    }

    /** Revokes the code and creates its replacement (same settings). */
    public QrCode reissueQr(String id) throws IOException, InterruptedException {
        return qrCode(post("/api/v1/qr-codes/" + id + "/reissue", JSON.createObjectBuilder()));
    }

    /** The code of {@code url} drawn again: {@code png}, {@code svg} or {@code sheet} (printable HTML page). */
    public byte[] renderQr(String url, String format) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request("/api/v1/qr-codes/render")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectBuilder().add("url", url)
                        .add("format", format).build().toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return response.body();
    }

    private static QrCode qrCode(JsonObject o) {
        return new QrCode(o.getString("id"), o.getString("url"), Base64.getDecoder().decode(o.getString("png")));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + accessToken.get())
                .header("Accept", "application/json");
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), parse(response.body()));
        }
        return response.body();
    }

    private static ApiException failure(int status, JsonObject json) {
        return new ApiException(status, json == null ? "HTTP_" + status : json.getString("error", "HTTP_" + status),
                json == null ? "" : json.getString("message", ""));
    }

    private JsonObject post(String path, JsonObjectBuilder body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + accessToken.get())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(response.statusCode(),
                    json == null ? "HTTP_" + response.statusCode() : json.getString("error", "HTTP_" + response.statusCode()),
                    json == null ? "" : json.getString("message", ""));
        }
        if (json == null) {
            throw new ApiException(response.statusCode(), "BAD_RESPONSE", "the server answered without JSON");
        }
        return json;
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
