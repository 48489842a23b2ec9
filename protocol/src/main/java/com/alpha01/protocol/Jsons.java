package com.alpha01.protocol;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once for the server and the client alike. The static
 * {@code Json.create…} methods look the provider up on every call (a service-loader scan of the
 * class path): issue 14's profiles found that lookup among the top costs of WildFly's routing path
 * (25 % of its samples) and of the merchant app's answering path (41 %).
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
