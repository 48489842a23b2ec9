package com.alpha01.client.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging a package in a self-updating install: unpacked beside the running version with its modes and links,
 * {@code next} written last; a package that reaches outside its folder, or holds no app, changes nothing.
 */
class AppImageInstallTest {

    @TempDir
    Path root;

    /** A tar.gz of one folder: entries {@code name → content} ("->x" makes a link to x, a trailing / a folder). */
    static Path tarGz(Path file, String top, List<String[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String[] e : entries) {
                String name = top + "/" + e[0];
                TarArchiveEntry entry;
                if (e[1].startsWith("->")) {
                    entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(e[1].substring(2));
                    tar.putArchiveEntry(entry);
                } else if (name.endsWith("/")) {
                    tar.putArchiveEntry(new TarArchiveEntry(name));
                } else {
                    byte[] bytes = e[1].getBytes(StandardCharsets.UTF_8);
                    entry = new TarArchiveEntry(name);
                    entry.setSize(bytes.length);
                    entry.setMode(e.length > 2 ? Integer.parseInt(e[2], 8) : 0644);
                    tar.putArchiveEntry(entry);
                    tar.write(bytes);
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private AppImageInstall installAt(String version) throws IOException {
        Path v = Files.createDirectories(root.resolve("versions").resolve(version).resolve("bin"));
        Files.writeString(v.resolve("alpha01-merchant"), "#!/bin/sh\n");
        Files.createSymbolicLink(root.resolve("current"), Path.of("versions", version));
        return new AppImageInstall(root);
    }

    @Test
    void a_package_is_unpacked_beside_the_running_version_and_named_for_the_next_start() throws Exception {
        AppImageInstall install = installAt("0.1.0");
        Path pkg = tarGz(root.resolve("p.tar.gz"), "alpha01-merchant", List.of(new String[] {"bin/", ""},
                new String[] {"bin/alpha01-merchant", "#!/bin/sh\necho 0.2.0\n", "755"},
                new String[] {"lib/app/app.cfg", "[JavaOptions]\n"},
                new String[] {"lib/runtime/legal/java.desktop/LICENSE", "->../java.base/LICENSE"},
                new String[] {"lib/runtime/legal/java.base/LICENSE", "GPL"}));
        install.stage(pkg, "0.2.0");
        Path v2 = root.resolve("versions/0.2.0");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(v2.resolve("bin/alpha01-merchant"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(v2.resolve("lib/app/app.cfg"))));
        assertEquals("GPL", Files.readString(v2.resolve("lib/runtime/legal/java.desktop/LICENSE")));
        assertEquals(Optional.of("0.2.0"), install.staged());
        assertEquals("0.1.0", install.currentVersion(), "the running version is untouched until the launcher switches");
        assertFalse(Files.exists(root.resolve("versions/0.2.0.partial")));
    }

    @Test
    void a_package_reaching_outside_its_folder_or_without_the_app_changes_nothing() throws Exception {
        AppImageInstall install = installAt("0.1.0");
        List<Path> bad = List.of(
                tarGz(root.resolve("up.tar.gz"), "alpha01-merchant", List.of(new String[] {"bin/alpha01-merchant", "x", "755"},
                        new String[] {"../../../evil", "x"})),
                tarGz(root.resolve("link.tar.gz"), "alpha01-merchant", List.of(new String[] {"bin/alpha01-merchant", "x", "755"},
                        new String[] {"lib/passwd", "->/etc/passwd"})),
                tarGz(root.resolve("deep-link.tar.gz"), "alpha01-merchant", List.of(new String[] {"bin/alpha01-merchant", "x", "755"},
                        new String[] {"lib/x", "->../../../../outside"})),
                tarGz(root.resolve("noapp.tar.gz"), "alpha01-merchant", List.<String[]>of(new String[] {"lib/app/app.cfg", "x"})),
                Files.writeString(root.resolve("garbage.tar.gz"), "not a tar"));
        for (Path pkg : bad) {
            assertThrows(IOException.class, () -> install.stage(pkg, "0.2.0"), pkg.getFileName().toString());
            assertEquals(Optional.empty(), install.staged(), pkg.getFileName() + ": nothing to start next");
            assertFalse(Files.exists(root.resolve("versions/0.2.0")), pkg.getFileName() + ": no half version");
            assertFalse(Files.exists(root.resolve("versions/0.2.0.partial")));
            assertFalse(Files.exists(root.getParent().resolve("evil")));
        }
        assertThrows(IOException.class, () -> install.stage(bad.get(0), "0.1.0"), "never over the running version");
    }

    @Test
    void the_launcher_is_written_when_it_differs_and_a_failed_version_is_known() throws Exception {
        AppImageInstall install = installAt("0.1.0");
        install.refreshLauncher("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isExecutable(root.resolve("alpha01-merchant")));
        assertFalse(install.failed("0.2.0"));
        Files.createDirectories(root.resolve("versions/0.2.0"));
        Files.writeString(root.resolve("versions/0.2.0/.failed"), "");
        assertTrue(install.failed("0.2.0"));
        install.started();
        assertTrue(Files.exists(root.resolve("versions/0.1.0/.started")));
    }
}
