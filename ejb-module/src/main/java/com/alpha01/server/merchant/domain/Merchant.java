package com.alpha01.server.merchant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A shop. Its {@code code} is the name of its Keycloak group under {@code /merchants}. */
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
}
