package com.alpha01.server.platform.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The release of the merchant client published for one target (D60); checked and written by {@link ClientReleases}
 * (one upsert statement), read here. */
@Entity
@Table(name = "client_release")
public class ClientRelease {

    @Id
    @Column(name = "target")
    private String target;

    @Column(name = "version", nullable = false)
    private String version;

    @Column(name = "minimum_version", nullable = false)
    private String minimumVersion;

    @Column(name = "package_url", nullable = false)
    private String packageUrl;

    @Column(name = "package_sha256", nullable = false)
    private String packageSha256;

    @Column(name = "package_size", nullable = false)
    private long packageSize;

    @Column(name = "signature", nullable = false)
    private String signature;

    @Column(name = "rollout_percent", nullable = false)
    private short rolloutPercent;

    @Column(name = "notes", nullable = false)
    private String notes;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    private String publishedBy;

    protected ClientRelease() {
    }

    ReleasePolicy policy() {
        return new ReleasePolicy(target, version, minimumVersion, packageUrl, packageSha256, packageSize, signature,
                rolloutPercent, notes, publishedAt, publishedBy);
    }
}
