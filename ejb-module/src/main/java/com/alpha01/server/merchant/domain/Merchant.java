package com.alpha01.server.merchant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A shop. Its {@code code} is the name of its Keycloak group under {@code /merchants}; its name
 * and chain come from that group's {@code displayName} and {@code chain} attributes.
 */
@Entity
@Table(name = "merchant")
public class Merchant {

    /** Longest welcome line, in characters. */
    public static final int WELCOME_LINE_MAX = 200;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The line the shop opens an empty chat with (null: the customer page's default). */
    @Column(name = "welcome_line", length = WELCOME_LINE_MAX)
    private String welcomeLine;

    /** The store chain this shop belongs to (null: independent). */
    @Column(name = "chain_code", length = 100)
    private String chainCode;

    /** The shop's IANA time zone, for its days in the figures (null: the server's, ALPHA01_ZONE). */
    @Column(name = "time_zone", length = 60)
    private String timeZone;

    protected Merchant() {
    }

    public Merchant(String code, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String chainCode() {
        return chainCode;
    }

    /** The shop's own welcome line; null when none is set. */
    public String welcomeLine() {
        return welcomeLine;
    }

    /** Sets the welcome line (null: back to the default); the caller has checked it. */
    public void welcomeWith(String line) {
        this.welcomeLine = line;
    }

    /** The shop's time zone: its own (Keycloak group attribute {@code timeZone}) if valid, else {@code fallback}. */
    public java.time.ZoneId zone(java.time.ZoneId fallback) {
        try {
            return timeZone == null ? fallback : java.time.ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }

    /** Sets the shop's time zone from Keycloak's group attribute; unknown ids are ignored (the server's applies). */
    public void locateIn(String zoneId) {
        try {
            this.timeZone = zoneId == null || zoneId.isBlank() ? null : java.time.ZoneId.of(zoneId.strip()).getId();
        } catch (java.time.DateTimeException e) {
            this.timeZone = null;
        }
    }

    /** What Keycloak says about the shop (display name, chain) replaces what was known. */
    public void describe(String name, String chainCode) {
        if (name != null && !name.isBlank()) {
            this.name = name;
        }
        this.chainCode = chainCode == null || chainCode.isBlank() ? null : chainCode;
    }
}
