package com.alpha01.client.ai;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ZhipuAI's token check, done the way the service documents it and independently of the client's jjwt: a
 * {@code Bearer} JWT with header {@code {"alg":"HS256","sign_type":"SIGN"}}, claims {@code api_key} (the id half
 * of the key), {@code exp} and {@code timestamp} (epoch milliseconds), signed with HMAC-SHA256 over the secret half.
 */
final class ZhipuTokens {

    private static final Map<String, String> MESSAGES = Map.of(
            "1000", "身份验证失败。",
            "1001", "Header中未收到Authentication参数，无法进行身份验证。",
            "1002", "Authentication Token非法，请确认Authentication Token正确传递。",
            "1003", "Authentication Token已过期，请重新生成/获取。");

    private ZhipuTokens() {
    }

    /** Null when {@code authorization} is a valid token for the key, else the ZhipuAI error code. */
    static String check(String authorization, String keyId, String secret) {
        if (authorization == null || authorization.isBlank()) {
            return "1001";
        }
        String[] parts = token(authorization);
        JsonObject header = parts == null ? null : decode(parts[0]);
        JsonObject claims = parts == null ? null : decode(parts[1]);
        if (header == null || claims == null || !"HS256".equals(header.getString("alg", ""))
                || !"SIGN".equals(header.getString("sign_type", ""))
                || !(claims.get("exp") instanceof JsonNumber exp) || !(claims.get("timestamp") instanceof JsonNumber)) {
            return "1002";
        }
        if (!keyId.equals(claims.getString("api_key", "")) || !signatureMatches(parts, secret)) {
            return "1000";
        }
        return exp.longValue() < System.currentTimeMillis() ? "1003" : null;
    }

    static String message(String code) {
        return MESSAGES.getOrDefault(code, "身份验证失败。");
    }

    /** The claims of the token in {@code authorization}, or null. */
    static JsonObject claims(String authorization) {
        String[] parts = authorization == null ? null : token(authorization);
        return parts == null ? null : decode(parts[1]);
    }

    private static String[] token(String authorization) {
        if (!authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).strip().split("\\.");
        return parts.length == 3 ? parts : null;
    }

    private static JsonObject decode(String part) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
            return JSON.createReader(new StringReader(json)).readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean signatureMatches(String[] parts, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
