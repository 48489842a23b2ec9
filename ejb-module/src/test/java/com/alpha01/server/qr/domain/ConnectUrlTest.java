package com.alpha01.server.qr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectUrlTest {

    private static final UUID MERCHANT = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID CLIENT = UUID.fromString("66666666-7777-8888-9999-000000000000");

    @Test
    void a_merchant_wide_code_without_expiry_names_only_the_merchant_and_the_token() {
        assertEquals("https://shop.example/connect?merchant_id=" + MERCHANT + "&token=abc",
                ConnectUrl.of("https://shop.example/", MERCHANT, null, "abc", null));
    }

    @Test
    void a_bound_expiring_code_names_its_client_and_expiry_in_epoch_seconds() {
        assertEquals("http://127.0.0.1:8080/connect?merchant_id=" + MERCHANT + "&client_id=" + CLIENT
                        + "&token=a%2Bb&expires=1700000000",
                ConnectUrl.of("http://127.0.0.1:8080", MERCHANT, CLIENT, "a+b", Instant.ofEpochSecond(1_700_000_000)));
    }

    @Test
    void the_token_is_read_back_decoded_from_a_connect_url_only() {
        String url = ConnectUrl.of("https://shop.example", MERCHANT, CLIENT, "a+b/c", null);

        assertEquals("a+b/c", ConnectUrl.tokenOf(url));
        assertNull(ConnectUrl.tokenOf("https://shop.example/other?token=abc"));
        assertNull(ConnectUrl.tokenOf("https://shop.example/connect?merchant_id=" + MERCHANT));
        assertNull(ConnectUrl.tokenOf(null));
    }
}
