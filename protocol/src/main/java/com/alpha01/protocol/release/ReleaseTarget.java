package com.alpha01.protocol.release;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a merchant client package is built for and how it installs: the server publishes one release per target,
 * and the app asks for its own. An app-image updates itself (folders swapped on the next start); the others are
 * handed to the operating system's installer.
 */
public enum ReleaseTarget {
    LINUX_APP_IMAGE("linux-app-image", true),
    LINUX_DEB("linux-deb", false),
    WINDOWS_MSI("windows-msi", false),
    MACOS_DMG("macos-dmg", false);

    private final String id;
    private final boolean selfInstalling;

    ReleaseTarget(String id, boolean selfInstalling) {
        this.id = id;
        this.selfInstalling = selfInstalling;
    }

    /** The name in URLs, settings and signatures, e.g. {@code linux-app-image}. */
    public String id() {
        return id;
    }

    /** Whether the app installs the package itself (an app-image), rather than the OS installer. */
    public boolean selfInstalling() {
        return selfInstalling;
    }

    public static Optional<ReleaseTarget> of(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(s)).findFirst();
    }
}
