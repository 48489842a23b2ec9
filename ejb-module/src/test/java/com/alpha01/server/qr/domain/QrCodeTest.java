package com.alpha01.server.qr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    private final Instant now = Instant.parse("2026-11-24T08:00:00Z");
    private final Merchant merchant = new Merchant("demo-shop", "演示店", now);
    private final MerchantClient client = new MerchantClient(merchant, "device-0001", "前台", "0.1", null, now);
    private final String token = QrToken.generate();

    private QrCode code(MerchantClient boundTo, Instant expiresAt, Integer maxUses) {
        return new QrCode(merchant, boundTo, QrToken.hash(token), "counter", now, expiresAt, maxUses);
    }

    @Test
    void should_accept_the_right_token_and_count_the_use() {
        QrCode code = code(client, null, null);
        assertEquals(ScanOutcome.VALID, code.scan(token, merchant.id(), client.id(), now));
        assertEquals(1, code.uses());
    }

    @Test
    void should_reject_a_forged_token_without_counting_it() {
        QrCode code = code(null, null, null);
        assertEquals(ScanOutcome.FORGED, code.scan(QrToken.generate(), merchant.id(), null, now));
        assertEquals(0, code.uses());
    }

    @Test
    void should_reject_swapped_merchant_or_client_ids() {
        QrCode code = code(client, null, null);
        assertEquals(ScanOutcome.MISMATCH, code.scan(token, UUID.randomUUID(), client.id(), now));
        assertEquals(ScanOutcome.MISMATCH, code.scan(token, merchant.id(), UUID.randomUUID(), now));
        assertEquals(ScanOutcome.MISMATCH, code.scan(token, merchant.id(), null, now));
    }

    @Test
    void should_reject_expired_token_at_and_after_expiry() {
        QrCode code = code(null, now.plus(Duration.ofHours(1)), null);
        assertEquals(ScanOutcome.VALID, code.scan(token, merchant.id(), null, now.plus(Duration.ofMinutes(59))));
        assertEquals(ScanOutcome.EXPIRED, code.scan(token, merchant.id(), null, now.plus(Duration.ofHours(1))));
    }

    @Test
    void should_reject_revoked_code() {
        QrCode code = code(null, null, null);
        code.revoke(now);
        assertEquals(ScanOutcome.REVOKED, code.scan(token, merchant.id(), null, now));
    }

    @Test
    void should_stop_a_one_time_code_after_its_use() {
        QrCode code = code(null, null, 1);
        assertEquals(ScanOutcome.VALID, code.scan(token, merchant.id(), null, now));
        assertEquals(ScanOutcome.USED_UP, code.scan(token, merchant.id(), null, now));
    }

    @Test
    void tokens_are_random_well_formed_and_only_match_their_hash() {
        String other = QrToken.generate();
        assertNotEquals(token, other);
        assertTrue(QrToken.wellFormed(token));
        assertFalse(QrToken.wellFormed(token.substring(1)));
        assertFalse(QrToken.wellFormed(token.substring(1) + "!"));
        assertTrue(QrToken.matches(token, QrToken.hash(token)));
        assertFalse(QrToken.matches(other, QrToken.hash(token)));
        assertFalse(QrToken.matches(null, QrToken.hash(token)));
    }

    @Test
    void a_valid_scan_admits_one_customer_within_the_entry_window() {
        QrScan scan = new QrScan(UUID.randomUUID(), merchant.id(), null, ScanOutcome.VALID, now);
        assertTrue(scan.admit("alice", now.plusSeconds(5)));
        assertTrue(scan.admit("alice", now.plusSeconds(10)));
        assertFalse(scan.admit("bob", now.plusSeconds(10)));
        assertFalse(scan.admit("alice", now.plus(QrScan.ENTRY_WINDOW).plusSeconds(1)));
        QrScan forged = new QrScan(null, merchant.id(), null, ScanOutcome.FORGED, now);
        assertFalse(forged.admit("alice", now));
    }
}
