package com.alpha01.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The "alpha01" login theme (module keycloak-realm, issue 17) into a Keycloak's {@code providers} folder, where
 * Keycloak picks theme JARs up at start. Found on the classpath by its {@code META-INF/keycloak-themes.json}: the
 * built JAR is copied; classes in a folder (a build that did not package it) are zipped into one.
 */
public final class LoginTheme {

    static final String MARKER = "META-INF/keycloak-themes.json";
    static final String FILE = "alpha01-keycloak-theme.jar";

    private LoginTheme() {
    }

    /** Puts the theme JAR into {@code providers}, replacing an older copy; false when it is not on the classpath. */
    public static boolean installInto(Path providers) throws IOException {
        URL marker = LoginTheme.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            return false;
        }
        Files.createDirectories(providers);
        Path target = providers.resolve(FILE);
        Path temp = Files.createTempFile(providers, "alpha01-theme", ".tmp");
        try {
            if ("jar".equals(marker.getProtocol())) {
                String jar = marker.getPath().substring("file:".length(), marker.getPath().indexOf("!/"));
                Files.copy(Path.of(java.net.URI.create("file:" + jar)), temp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                zip(Path.of(marker.toURI()).getParent().getParent(), temp);
            }
            if (Files.exists(target) && Files.mismatch(target, temp) == -1) {
                return true; // the same theme: Keycloak need not rebuild
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (URISyntaxException e) {
            throw new IOException("theme not readable: " + marker, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The folder's META-INF and theme trees as a JAR (entries sorted, so the same files make the same bytes). */
    private static void zip(Path root, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                return rel.startsWith("META-INF/") || rel.startsWith("theme/");
            }).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(root.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    /** The theme's files as Keycloak reads them from a JAR (for checks). */
    static List<String> entries(Path jar) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of()); Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            return walk.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
    }
}
