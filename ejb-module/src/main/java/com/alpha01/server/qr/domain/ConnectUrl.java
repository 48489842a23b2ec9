package com.alpha01.server.qr.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The URL inside every QR code: {@code <base>/connect?merchant_id=…[&client_id=…]&token=…[&expires=…]}.
 * Built when a code is created or drawn again; read back (its token) when staff ask to draw it again.
 */
public final class ConnectUrl {

    private ConnectUrl() {
    }

    /** The URL of a code; {@code clientId} and {@code expiresAt} may be null (merchant-wide, no expiry). */
    public static String of(String base, UUID merchantId, UUID clientId, String token, Instant expiresAt) {
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .append("/connect?merchant_id=").append(merchantId);
        if (clientId != null) {
            url.append("&client_id=").append(clientId);
        }
        url.append("&token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        if (expiresAt != null) {
            url.append("&expires=").append(expiresAt.getEpochSecond());
        }
        return url.toString();
    }

    /** The token of a {@code /connect} URL, decoded; null when {@code url} is none or carries no token. */
    public static String tokenOf(String url) {
        int q = url == null ? -1 : url.indexOf('?');
        if (q < 0 || url.indexOf("/connect") < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("token")) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
