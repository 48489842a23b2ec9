package com.alpha01.it;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The bad-input suite's REST calls (every endpoint of docs/protocol.md), forged tokens and bad bodies. */
final class BadRest {

    /**
     * A call; {@code customers}: a customer's token may make it (the chat page's own API, the caller's own
     * account, an unknown path): not tried with a customer's token, nor with bad bodies.
     */
    record Call(String method, String path, boolean hasBody, boolean customers) {
    }

    private BadRest() {
    }

    static List<Call> calls() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Call("POST", "/api/v1/clients", true, false),
                new Call("POST", "/api/v1/qr-codes", true, false),
                new Call("GET", "/api/v1/qr-codes", false, false),
                new Call("GET", "/api/v1/qr-codes/" + id, false, false),
                new Call("POST", "/api/v1/qr-codes/" + id + "/revoke", true, false),
                new Call("POST", "/api/v1/qr-codes/" + id + "/reissue", true, false),
                new Call("POST", "/api/v1/qr-codes/render", true, false),
                new Call("POST", "/api/v1/customer/sessions", true, true),
                new Call("GET", "/api/v1/conversations/" + id + "/messages", false, false),
                new Call("GET", "/api/v1/customer/conversations/" + id + "/messages", false, true),
                new Call("POST", "/api/v1/admin/chains", true, false),
                new Call("POST", "/api/v1/admin/merchants", true, false),
                new Call("POST", "/api/v1/admin/merchants/demo-shop/staff", true, false),
                new Call("POST", "/api/v1/admin/chains/demo-chain/admins", true, false),
                new Call("PUT", "/api/v1/admin/client-releases/linux-app-image", true, false),
                new Call("POST", "/api/v1/merchant/staff", true, false),
                new Call("GET", "/api/v1/merchant/welcome-line", false, false),
                new Call("PUT", "/api/v1/merchant/welcome-line", true, false),
                new Call("GET", "/api/v1/chain/merchants", false, false),
                new Call("POST", "/api/v1/me/sign-out-everywhere", true, true),
                new Call("GET", "/api/v1/merchant/stats", false, false),
                new Call("DELETE", "/api/v1/qr-codes/" + id, false, false),
                new Call("GET", "/api/v1/no-such-call", false, true));
    }

    /** No token at all (null), garbage, and tokens that look like JWTs but no Keycloak signed. */
    static List<String> forgedTokens() {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64("{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"" + TestEnvironment.issuer()
                + "\",\"exp\":4102444800,\"realm_access\":{\"roles\":[\"platform-admin\",\"merchant-staff\"]},"
                + "\"groups\":[\"/merchants/demo-shop\"]}");
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add("x");
        tokens.add("a.b.c");
        tokens.add(header + "." + claims + "." + b64("forged signature"));
        tokens.add(none + "." + claims + ".");
        tokens.add("Bearer " + header);
        String expired = b64("{\"sub\":\"x\",\"iss\":\"" + TestEnvironment.issuer() + "\",\"exp\":1000000000}");
        tokens.add(header + "." + expired + "." + b64("sig"));
        String otherIssuer = b64("{\"sub\":\"x\",\"iss\":\"http://evil.example/realms/alpha01\",\"exp\":4102444800}");
        tokens.add(header + "." + otherIssuer + "." + b64("sig"));
        tokens.add(b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + claims + "." + b64("hmac with the public key"));
        tokens.add("x".repeat(8000));
        tokens.add(header + "." + claims);
        tokens.add(header + ".." + b64("sig"));
        tokens.add("..");
        tokens.add(header + "." + b64("not json") + "." + b64("sig"));
        tokens.add(header + "." + b64("[]") + "." + b64("sig"));
        return tokens;
    }

    /** Bodies no call takes: not JSON, JSON of another shape, unstorable text, deep nesting, a megabyte. */
    static List<String> badBodies() {
        return List.of(
                "{not json",
                "<xml>1</xml>",
                "[1,2,3]",
                "\"a string\"",
                "{\"label\":[\"not\",\"text\"],\"maxUses\":\"many\",\"validForSeconds\":-5,\"capacity\":\"ten\"}",
                "{\"label\":\"a\\u0000b\",\"username\":\"a\\u0000b\",\"welcomeLine\":\"a\\u0000b\",\"code\":\"a\\u0000b\","
                        + "\"name\":\"a\\u0000b\",\"deviceId\":\"a\\u0000b\",\"url\":\"a\\u0000b\"}",
                "{\"label\":\"\\ud800\",\"name\":\"\\ud800\",\"welcomeLine\":\"\\udfff\"}",
                "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"label\":\"" + "长".repeat(400_000) + "\",\"welcomeLine\":\"" + "x".repeat(1000) + "\"}");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
