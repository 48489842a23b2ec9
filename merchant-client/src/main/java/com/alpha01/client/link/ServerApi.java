package com.alpha01.client.link;

import jakarta.json.Json;
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

/** The server's REST API as the merchant client uses it: registration and QR codes. */
public final class ServerApi {

    private final URI base;
    private final Supplier<String> accessToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
        JsonObject o = post("/api/v1/clients", Json.createObjectBuilder()
                .add("deviceId", deviceId).add("name", name).add("version", version));
        return new Registration(o.getString("clientId"), o.getString("merchantId"), o.getString("merchantCode"),
                o.getString("merchantName"), o.getString("staffName", ""));
    }

    /** A QR code bound to this client, with a label. */
    public QrCode createQr(String clientId, String label) throws IOException, InterruptedException {
        JsonObjectBuilder body = Json.createObjectBuilder().add("clientId", clientId);
        if (label != null) {
            body.add("label", label);
        }
        JsonObject o = post("/api/v1/qr-codes", body);
        return new QrCode(o.getString("id"), o.getString("url"), Base64.getDecoder().decode(o.getString("png")));
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
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
