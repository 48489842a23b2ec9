package com.alpha01.server.merchant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MerchantClientTest {

    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Merchant merchant = new Merchant("demo-shop", "演示店", now);

    @Test
    void without_its_own_capacity_a_client_takes_the_servers() {
        assertEquals(50, new MerchantClient(merchant, "device-0001", "前台", "0.1", null, now).capacityWithin(50));
    }

    @Test
    void its_own_capacity_counts_only_below_the_servers() {
        assertEquals(3, new MerchantClient(merchant, "device-0001", "前台", "0.1", 3, now).capacityWithin(50));
        assertEquals(50, new MerchantClient(merchant, "device-0001", "前台", "0.1", 500, now).capacityWithin(50));
    }

    @Test
    void registering_again_without_a_capacity_returns_to_the_servers() {
        MerchantClient client = new MerchantClient(merchant, "device-0001", "前台", "0.1", 1, now);
        client.reRegister("前台", "0.2", null, now.plusSeconds(60));
        assertEquals(1000, client.capacityWithin(1000));
        client.reRegister("前台", "0.2", 7, now.plusSeconds(120));
        assertEquals(7, client.capacityWithin(1000));
    }
}
