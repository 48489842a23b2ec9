package com.alpha01.client.update;

import com.alpha01.client.files.Folders;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An app-image installed so that it updates itself (D60), in one folder the user owns:
 * <pre>
 *   alpha01-merchant            the launcher: switches to a staged version, starts it, rolls back if it fails
 *   current  -> versions/0.2.0  the version that starts
 *   previous -> versions/0.1.0  the one before, kept for the rollback
 *   versions/&lt;v&gt;/            app-images (bin/alpha01-merchant, lib/…)
 *   next                        the version to start next time (written last, in one rename)
 * </pre>
 * A package is a tar.gz of one app-image folder. It is unpacked beside the others ({@code <v>.partial}, renamed
 * to {@code <v>} when whole) and {@code next} is written only then: a failure at any point leaves the running
 * version as it is and nothing the launcher would take for a complete one.
 */
public final class AppImageInstall {

    static final String APP = "alpha01-merchant";
    private static final long MAX_BYTES = 4L << 30;
    private static final int MAX_ENTRIES = 200_000;

    private final Path root;

    AppImageInstall(Path root) {
        this.root = root;
    }

    /**
     * The install this app runs from, when it is one: the app-image's launcher path ({@code jpackage.app-path},
     * set by jpackage's launcher) lies in {@code <root>/versions/<v>/bin/}. Empty for a .deb, the dev stack or tests.
     */
    public static Optional<AppImageInstall> running() {
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath == null || appPath.isBlank()) {
            return Optional.empty();
        }
        try {
            Path versionDir = Path.of(appPath).toRealPath().getParent().getParent();
            Path root = versionDir.getParent().getParent();
            return versionDir.getParent().getFileName().toString().equals("versions")
                    && Files.isSymbolicLink(root.resolve("current")) ? Optional.of(new AppImageInstall(root))
                    : Optional.empty();
        } catch (IOException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    /** The version {@code current} points at. */
    public String currentVersion() throws IOException {
        return Files.readSymbolicLink(root.resolve("current")).getFileName().toString();
    }

    /** Unpacks a verified package as {@code version} and has the launcher start it next time. */
    public void stage(Path pkg, String version) throws IOException {
        if (!version.matches("[0-9A-Za-z.\\-]{1,40}") || version.equals(currentVersion())) {
            throw new IOException("version " + version + " cannot be staged here");
        }
        Path versions = root.resolve("versions");
        Path partial = versions.resolve(version + ".partial");
        Path target = versions.resolve(version);
        Folders.delete(partial);
        Files.createDirectories(partial);
        try {
            unpack(pkg, partial);
            Path launcher = partial.resolve("bin").resolve(APP);
            if (!Files.isRegularFile(launcher) || !Files.isExecutable(launcher)) {
                throw new IOException("the package holds no app-image (bin/" + APP + " missing)");
            }
            Folders.delete(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Folders.delete(partial);
        }
        Files.deleteIfExists(target.resolve(".failed"));
        Path next = root.resolve("next.tmp");
        Files.writeString(next, version + "\n", StandardCharsets.UTF_8);
        Files.move(next, root.resolve("next"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The version staged for the next start, if any. */
    public Optional<String> staged() throws IOException {
        Path next = root.resolve("next");
        return Files.isRegularFile(next) ? Optional.of(Files.readString(next).strip()) : Optional.empty();
    }

    /** Tells the launcher that this version came up, so it is kept (not rolled back). */
    public void started() throws IOException {
        Path marker = root.resolve("versions").resolve(currentVersion()).resolve(".started");
        if (!Files.exists(marker)) {
            Files.writeString(marker, "", StandardCharsets.UTF_8);
        }
    }

    /** Whether {@code version} was started once and did not come up (the launcher went back). */
    public boolean failed(String version) {
        return Files.exists(root.resolve("versions").resolve(version).resolve(".failed"));
    }

    /** Writes the launcher this version ships when the one in the folder differs (it updates with the app). */
    public void refreshLauncher(byte[] script) throws IOException {
        Path launcher = root.resolve(APP);
        if (Files.isRegularFile(launcher) && java.util.Arrays.equals(Files.readAllBytes(launcher), script)) {
            return;
        }
        Path tmp = root.resolve(APP + ".tmp");
        Files.write(tmp, script);
        Files.setPosixFilePermissions(tmp, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
        Files.move(tmp, launcher, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Unpacks a tar.gz of one folder into {@code into}, the folder's own name dropped; nothing lands outside. */
    static void unpack(Path pkg, Path into) throws IOException {
        long bytes = 0;
        int entries = 0;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(pkg));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("the package holds too many files");
                }
                Path relative = inside(e.getName());
                if (relative == null) {
                    continue; // the top folder itself
                }
                Path out = into.resolve(relative).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("the package reaches outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Path link = Path.of(e.getLinkName());
                    if (link.isAbsolute() || !out.getParent().resolve(link).normalize().startsWith(into)) {
                        throw new IOException("the package links outside its folder: " + e.getName());
                    }
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, link);
                } else if (e.isFile()) {
                    bytes += e.getSize();
                    if (bytes > MAX_BYTES) {
                        throw new IOException("the package unpacks to more than 4 GiB");
                    }
                    Files.createDirectories(out.getParent());
                    try {
                        Files.copy(tar, out);
                    } catch (FileAlreadyExistsException twice) {
                        throw new IOException("the package holds " + e.getName() + " twice");
                    }
                    Files.setPosixFilePermissions(out, permissions(e.getMode()));
                } else {
                    throw new IOException("the package holds a device, pipe or hard link: " + e.getName());
                }
            }
        }
    }

    /** The entry's path below the package's top folder ({@code alpha01-merchant/bin/x} → {@code bin/x}). */
    private static Path inside(String name) throws IOException {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.startsWith("/") || n.contains("\u0000")) {
            throw new IOException("the package holds an absolute path: " + name);
        }
        int slash = n.indexOf('/');
        String rest = slash < 0 ? "" : n.substring(slash + 1).replaceAll("/+$", "");
        if (rest.isEmpty()) {
            return null;
        }
        for (String part : rest.split("/")) {
            if (part.equals("..")) {
                throw new IOException("the package reaches outside its folder: " + name);
            }
        }
        return Path.of(rest);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0 && bits[i] != PosixFilePermission.OTHERS_WRITE
                    && bits[i] != PosixFilePermission.GROUP_WRITE) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
