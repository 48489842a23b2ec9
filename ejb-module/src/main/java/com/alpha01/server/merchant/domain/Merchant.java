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

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The store chain this shop belongs to (null: independent). */
    @Column(name = "chain_code", length = 100)
    private String chainCode;

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

    /** What Keycloak says about the shop (display name, chain) replaces what was known. */
    public void describe(String name, String chainCode) {
        if (name != null && !name.isBlank()) {
            this.name = name;
        }
        this.chainCode = chainCode == null || chainCode.isBlank() ? null : chainCode;
    }
}
