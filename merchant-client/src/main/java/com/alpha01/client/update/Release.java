package com.alpha01.client.update;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;

/**
 * What the server publishes for this app's target ({@code GET /api/v1/client-release}), seen from this version:
 * whether a newer one exists, whether this one is below the minimum, whether this client is offered the package
 * yet (rollout), and the package itself when one is published.
 */
public record Release(boolean checked, String target, String latest, String minimum, boolean available,
                      boolean required, boolean offered, PackageInfo pkg, String notes) {

    /** The package to download: where, its size, SHA-256 and Ed25519 signature. */
    public record PackageInfo(URI url, long size, String sha256, String signature) {
    }

    /** Before the first check, or when the server could not be asked. */
    public static final Release UNKNOWN = new Release(false, "", "", "", false, false, false, null, "");

    /** Whether there is something this app should fetch: newer, offered to it, and downloadable. */
    public boolean toFetch() {
        return checked && available && offered && pkg != null;
    }

    JsonObject toJson() {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("checked", checked).add("available", available)
                .add("required", required).add("offered", offered).add("latest", latest).add("minimum", minimum)
                .add("notes", notes).add("downloadUrl", pkg == null ? "" : pkg.url().toString());
        return o.build();
    }
}
