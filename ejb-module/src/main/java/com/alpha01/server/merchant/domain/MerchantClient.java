package com.alpha01.server.merchant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One installation of the merchant desktop app, identified by its device ID within a merchant. */
@Entity
@Table(name = "merchant_client")
public class MerchantClient {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "merchant_id")
    private Merchant merchant;

    @Column(name = "device_id", nullable = false, length = 100)
    private String deviceId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 50)
    private String version;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    /** The cluster node holding this client's socket; null when it holds none (see Presence). */
    @Column(length = 100)
    private String node;

    @Column(name = "socket_id", length = 100)
    private String socketId;

    /** Its own cap on open conversations, as it registered it; null: the server's cap alone. */
    @Column
    private Integer capacity;

    protected MerchantClient() {
    }

    public MerchantClient(Merchant merchant, String deviceId, String name, String version, Integer capacity,
                          Instant now) {
        this.id = UUID.randomUUID();
        this.merchant = merchant;
        this.deviceId = deviceId;
        this.name = name;
        this.version = version;
        this.capacity = capacity;
        this.registeredAt = now;
        this.lastSeenAt = now;
    }

    /** A known device registers again: refresh what it reports about itself (no capacity: the server's again). */
    public void reRegister(String name, String version, Integer capacity, Instant now) {
        this.name = name;
        this.version = version;
        this.capacity = capacity;
        this.lastSeenAt = now;
    }

    /**
     * The open conversations it takes before assignment passes it over: its own cap when it set one,
     * never more than the server's {@code serverCapacity} ({@code ALPHA01_CLIENT_CAPACITY}).
     */
    public int capacityWithin(int serverCapacity) {
        return capacity == null ? serverCapacity : Math.min(capacity, serverCapacity);
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public void seen(Instant now) {
        this.lastSeenAt = now;
    }

    /** The node holding this client's socket, if the row says one does (it may be stale: see Presence). */
    public String node() {
        return node;
    }

    public UUID id() {
        return id;
    }

    public Merchant merchant() {
        return merchant;
    }

    public String deviceId() {
        return deviceId;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }
}
