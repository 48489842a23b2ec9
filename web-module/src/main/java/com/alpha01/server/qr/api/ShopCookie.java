package com.alpha01.server.qr.api;

import com.alpha01.server.platform.config.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The shop's name for the sign-in page (D58): after a valid scan the customer goes through Keycloak's sign-in,
 * whose login theme shows this cookie's value as text. A shop's public name, nothing more: not HttpOnly (the
 * theme's script reads it) and not Secure (a Keycloak served over plain HTTP on the same host reads it too);
 * host-wide, as Keycloak on the same host (any port) sees it; with Keycloak on a sibling host the operator
 * names the shared parent domain ({@code ALPHA01_SHOP_COOKIE_DOMAIN}, e.g. {@code example.com}).
 */
final class ShopCookie {

    static final String NAME = "alpha01_shop";

    private ShopCookie() {
    }

    static String of(String shopName) {
        String value = URLEncoder.encode(shopName, StandardCharsets.UTF_8).replace("+", "%20");
        String domain = Settings.system().text("shop.cookie.domain").map(String::strip)
                .filter(d -> d.matches("[A-Za-z0-9.-]{1,253}")).map(d -> "; Domain=" + d).orElse("");
        return NAME + "=" + value + "; Path=/; Max-Age=1800; SameSite=Lax" + domain;
    }
}
