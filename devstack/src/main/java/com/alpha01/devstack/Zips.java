package com.alpha01.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacking a server distribution zip (one top folder) into a given folder, scripts executable. */
public final class Zips {

    private Zips() {
    }

    /**
     * Unpacks {@code zip}, dropping its single top-level folder, into {@code home}; does nothing
     * when {@code home/marker} exists. Unpacks beside it first and moves, so a cut-off run leaves
     * no half tree behind.
     */
    public static boolean unpackOnce(Path zip, Path home, String marker) throws IOException {
        if (Files.exists(home.resolve(marker))) {
            return false;
        }
        Path parent = Files.createDirectories(home.toAbsolutePath().getParent());
        Path staging = parent.resolve(home.getFileName() + ".unpacking");
        deleteTree(staging);
        Files.createDirectories(staging);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = staging.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        deleteTree(home);
        Files.move(staging, home);
        return true;
    }

    /** Deletes {@code dir} and everything under it, deepest first; links are removed, not followed. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
