package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;


import com.alpha01.protocol.Frame;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** What a customer's browser does, done with plain HTTP: scan, sign in, open the chat session. */
final class Customers {

    static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Customers() {
    }

    /** Opens a QR URL; returns the response (a 303 to the chat page when the code is valid). */
    static HttpResponse<String> scan(String url) throws IOException, InterruptedException {
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The scan id from a valid scan's redirect. */
    static String scanId(HttpResponse<String> scan) {
        assertEquals(303, scan.statusCode(), "valid QR scan redirects to the chat page");
        String location = scan.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.indexOf("scan=") + 5);
        return id.contains("&") ? id.substring(0, id.indexOf('&')) : id;
    }

    /** POST /api/v1/customer/sessions as the signed-in customer. */
    static HttpResponse<String> openSession(String scanId, String customerToken) throws IOException, InterruptedException {
        return NO_REDIRECTS.send(HttpRequest.newBuilder(TestEnvironment.serverUri().resolve("/api/v1/customer/sessions"))
                        .header("Authorization", "Bearer " + customerToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"scan\":\"" + scanId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The same, as the chat page does after a sign-in round trip: the entry pass in the cookie /connect set. */
    static HttpResponse<String> openSessionWithEntryCookie(HttpResponse<String> scan, String customerToken)
            throws IOException, InterruptedException {
        String cookie = scan.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("alpha01_entry="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return NO_REDIRECTS.send(HttpRequest.newBuilder(TestEnvironment.serverUri().resolve("/api/v1/customer/sessions"))
                        .header("Authorization", "Bearer " + customerToken)
                        .header("Content-Type", "application/json")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A brand-new customer scans {@code qrUrl}, signs in and opens the chat: the session (conversationId, ticket…). */
    static JsonObject enter(String qrUrl) throws Exception {
        return json(openSession(scanId(scan(qrUrl)), TestEnvironment.newCustomerToken()).body());
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static URI customerSocket(String ticket) {
        return URI.create(TestEnvironment.serverUri().toString().replaceFirst("^http", "ws") + "/ws/customer?ticket=" + ticket);
    }

    /** The customer writes {@code text}; returns the sequence number the server stored it under. */
    static long say(Peer customer, String text) throws InterruptedException {
        String id = "say-" + UUID.randomUUID().toString().substring(0, 12);
        customer.send(new Frame.Send(id, text));
        return customer.await(Frame.Ack.class, a -> a.id().equals(id)).seq();
    }
}
