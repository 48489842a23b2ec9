package com.alpha01.server.merchant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store chain: several merchants under one brand, managed by its chain admins with one sign-on. */
@Entity
@Table(name = "chain")
public class Chain {

    @Id
    @Column(length = 100)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Chain() {
    }

    public Chain(String code, String name, Instant now) {
        this.code = code;
        this.name = name;
        this.createdAt = now;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }
}
