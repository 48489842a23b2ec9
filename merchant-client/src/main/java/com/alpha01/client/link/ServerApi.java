package com.alpha01.client.link;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The server's REST API as the merchant client uses it: registration, QR codes, the shop's figures and welcome line. */
public final class ServerApi {

    private static final String WELCOME_LINE = "/api/v1/merchant/welcome-line";

    private final List<URI> bases;
    /** The node that answered last: calls start there. */
    private final AtomicInteger preferred = new AtomicInteger();
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
        this(List.of(base), accessToken);
    }

    /**
     * The API of a cluster reached without a load balancer: each call goes to the node that answered last and, when
     * that node cannot be connected to, to the next one ({@code ALPHA01_SERVER_URL} lists them, as for the socket).
     * Only a refused or timed-out connection moves on: the request never left, so even a POST is not sent twice.
     */
    public ServerApi(List<URI> bases, Supplier<String> accessToken) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no server URL");
        }
        this.bases = List.copyOf(bases);
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
        return JSON.createReader(new StringReader(send("/api/v1/qr-codes", HttpRequest.Builder::GET))).readArray();
    }

    /** The shop's figures of the last 7 days ({@code GET /api/v1/analytics/shop}, docs/analytics.md). */
    public JsonObject weekFigures() throws IOException, InterruptedException {
        return parse(send("/api/v1/analytics/shop", HttpRequest.Builder::GET));
    }

    /** Today's figures of the caller's shop ({@code GET /api/v1/merchant/stats}). */
    public JsonObject stats() throws IOException, InterruptedException {
        return parse(send("/api/v1/merchant/stats", HttpRequest.Builder::GET));
    }

    /**
     * The line the shop opens an empty chat with ({@code GET /api/v1/merchant/welcome-line}, merchant admins):
     * {@code welcomeLine}, the shop's own (absent when none is set), and {@code shown}, what customers see.
     */
    public JsonObject welcomeLine() throws IOException, InterruptedException {
        return parse(send(WELCOME_LINE, HttpRequest.Builder::GET));
    }

    /** Sets the shop's welcome line (null or blank: the default); {@code BAD_TEXT} for more than 200 characters. */
    public JsonObject setWelcomeLine(String line) throws IOException, InterruptedException {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (line == null) {
            body.addNull("welcomeLine");
        } else {
            body.add("welcomeLine", line);
        }
        String json = body.build().toString();
        return parse(send(WELCOME_LINE, r -> r.header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** One code with its funnel. */
    public JsonObject qr(String id) throws IOException, InterruptedException {
        return parse(send("/api/v1/qr-codes/" + id, HttpRequest.Builder::GET));
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
        String body = JSON.createObjectBuilder().add("url", url).add("format", format).build().toString();
        HttpResponse<byte[]> response = exchange(base -> request(base, "/api/v1/qr-codes/render")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return response.body();
    }

    private static QrCode qrCode(JsonObject o) {
        return new QrCode(o.getString("id"), o.getString("url"), Base64.getDecoder().decode(o.getString("png")));
    }

    private HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + accessToken.get())
                .header("Accept", "application/json");
    }

    /** {@code path} asked with {@code method} (GET, PUT); a refusal becomes an {@link ApiException}. */
    private String send(String path, UnaryOperator<HttpRequest.Builder> method)
            throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(base -> method.apply(request(base, path)),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), parse(response.body()));
        }
        return response.body();
    }

    /** Sends the request to the preferred node, then to the others while a node cannot be connected to. */
    private <T> HttpResponse<T> exchange(Function<URI, HttpRequest.Builder> request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        int first = preferred.get();
        IOException unreachable = null;
        for (int i = 0; i < bases.size(); i++) {
            int at = (first + i) % bases.size();
            try {
                HttpResponse<T> response = http.send(request.apply(bases.get(at)).build(), body);
                preferred.set(at);
                return response;
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (unreachable == null) {
                    unreachable = e;
                } else {
                    unreachable.addSuppressed(e);
                }
            }
        }
        throw unreachable;
    }

    private static ApiException failure(int status, JsonObject json) {
        return new ApiException(status, json == null ? "HTTP_" + status : json.getString("error", "HTTP_" + status),
                json == null ? "" : json.getString("message", ""));
    }

    private JsonObject post(String path, JsonObjectBuilder body) throws IOException, InterruptedException {
        String json = body.build().toString();
        HttpResponse<String> response = exchange(base -> request(base, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
        JsonObject answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), answer);
        }
        if (answer == null) {
            throw new ApiException(response.statusCode(), "BAD_RESPONSE", "the server answered without JSON");
        }
        return answer;
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
