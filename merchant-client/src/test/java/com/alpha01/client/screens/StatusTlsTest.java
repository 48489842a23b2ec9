package com.alpha01.client.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.link.ServerTrust;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** 状态's encryption row: plain HTTP said as such, HTTPS verified until a certificate is refused. */
class StatusTlsTest {

    @Test
    void http_is_plain_https_is_verified_until_a_refusal_names_its_problem() {
        ServerTrust trust = ServerTrust.from(null, null, null);
        assertEquals("plain", StatusScreen.tls(URI.create("http://127.0.0.1:8080"), trust));
        assertEquals("verified", StatusScreen.tls(URI.create("https://shop.example"), trust));
        trust.noteFailure(new javax.net.ssl.SSLHandshakeException("PKIX path building failed: no path"));
        assertEquals("untrusted", StatusScreen.tls(URI.create("https://shop.example"), trust));
        assertEquals("plain", StatusScreen.tls(URI.create("http://127.0.0.1:8080"), trust), "plain is plain whatever happened");
        trust.noteSuccess();
        assertEquals("verified", StatusScreen.tls(URI.create("https://shop.example"), trust));
    }
}
